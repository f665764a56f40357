import { SqlCaseStatusReadModel } from '@expediente/infra/case-status/case-status.sql';
import { caseStatusMigrations } from '@expediente/infra/case-status/case-status.migrations';
import { projectionMigrations } from '@expediente/infra/projections/projection.migrations';
import { migrate } from '@expediente/infra/sql/migrations';
import { createPgliteClient } from '@expediente/infra/sql/sql-client.pglite';
import { caseStatusContract } from './case-status.contract';

caseStatusContract('PGlite', async ({ now }) => {
  const client = await createPgliteClient();
  await migrate(client, [...projectionMigrations, ...caseStatusMigrations]);
  return { model: new SqlCaseStatusReadModel(client, now), teardown: () => client.close() };
});
