import type { ProvidedAttachment } from '@expediente/domain';
import { SqlClient } from '../sql/sql-client';

/**
 * Documents a citizen uploaded for their answer to an information request, kept server-side
 * (table information_drafts, migration 042) until the signed answer names them, so a session
 * that times out loses nothing. The bytes are in the blob store; this holds what the upload found.
 */
export class InformationDrafts {
  constructor(private readonly sql: SqlClient) {}

  list(caseId: string, person: string): Promise<ProvidedAttachment[]> {
    return this.sql.query<ProvidedAttachment>(
      `SELECT blob_hash AS "blobHash", filename, content_type AS "contentType", size, kind
       FROM information_drafts WHERE case_id = $1 AND person = $2 ORDER BY uploaded_at, blob_hash`,
      [caseId, person],
    );
  }

  async add(caseId: string, person: string, document: ProvidedAttachment): Promise<void> {
    await this.sql.query(
      `INSERT INTO information_drafts (case_id, person, blob_hash, filename, content_type, size, kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        caseId,
        person,
        document.blobHash,
        document.filename,
        document.contentType,
        document.size,
        document.kind,
      ],
    );
  }

  async remove(caseId: string, person: string, blobHashes: readonly string[]): Promise<number> {
    const removed = await this.sql.query(
      `DELETE FROM information_drafts WHERE case_id = $1 AND person = $2 AND blob_hash = ANY($3::text[])
       RETURNING blob_hash`,
      [caseId, person, blobHashes],
    );
    return removed.length;
  }
}
