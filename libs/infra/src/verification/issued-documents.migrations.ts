import { Migration } from '../sql/migrations';

export const issuedDocumentMigrations: readonly Migration[] = [
  {
    id: '050_issued_documents',
    sql: `
      CREATE TABLE issued_documents (
        csv text PRIMARY KEY,
        kind text NOT NULL,
        case_id text NOT NULL,
        document_hash char(64) NOT NULL,
        signature_hash char(64) NOT NULL,
        issued_at timestamptz NOT NULL
      )
    `,
  },
];
