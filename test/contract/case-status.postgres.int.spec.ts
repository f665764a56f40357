import { SqlCaseStatusReadModel } from '@expediente/infra/case-status/case-status.sql';
import { caseStatusMigrations } from '@expediente/infra/case-status/case-status.migrations';
import { projectionMigrations } from '@expediente/infra/projections/projection.migrations';
import { migrate } from '@expediente/infra/sql/migrations';
import { createTestSchema } from '../support/postgres';
import { caseStatusContract } from './case-status.contract';

caseStatusContract('PostgreSQL', async ({ now }) => {
  const { client, drop } = await createTestSchema('cs');
  await migrate(client, [...projectionMigrations, ...caseStatusMigrations]);
  return { model: new SqlCaseStatusReadModel(client, now), teardown: drop };
});
