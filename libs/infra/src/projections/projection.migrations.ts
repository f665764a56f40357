import { Migration } from '../sql/migrations';

export const projectionMigrations: readonly Migration[] = [
  {
    id: '002_projection_checkpoints',
    sql: `CREATE TABLE projection_checkpoints (name text PRIMARY KEY, position bigint NOT NULL DEFAULT 0)`,
  },
];
