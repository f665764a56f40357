import { Migration } from '../sql/migrations';

export const projectionMigrations: readonly Migration[] = [
  {
    id: '002_projection_checkpoints',
    sql: `CREATE TABLE projection_checkpoints (name text PRIMARY KEY, position bigint NOT NULL DEFAULT 0)`,
  },
  {
    // When each checkpoint last moved, and the rebuilds under way or failed (shadow-rebuild.ts):
    // a row per projection being rebuilt, its shadow's position and heartbeat, or why it failed.
    id: '072_projection_rebuilds',
    sql: `
      ALTER TABLE projection_checkpoints ADD COLUMN updated_at timestamptz;
      CREATE TABLE projection_rebuilds (
        name text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        applied bigint NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        error text
      )
    `,
  },
];
