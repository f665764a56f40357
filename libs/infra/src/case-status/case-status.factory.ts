import { AppConfig } from '../config/config.schema';
import { SqlClient } from '../sql/sql-client';
import { CaseStatusReadModel } from './case-status.port';
import { MongoCaseStatusReadModel } from './case-status.mongodb';
import { SqlCaseStatusReadModel } from './case-status.sql';

/** MONGODB_URL → the read model in MongoDB; else in the process's SQL database (PostgreSQL or PGlite). */
export function openCaseStatusReadModel(
  config: Pick<AppConfig, 'MONGODB_URL'>,
  sql: SqlClient,
): Promise<CaseStatusReadModel> {
  return config.MONGODB_URL
    ? MongoCaseStatusReadModel.connect(config.MONGODB_URL)
    : Promise.resolve(new SqlCaseStatusReadModel(sql));
}
