import type { Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { SQL_CLIENT, SqlClient } from '../sql/sql-client';
import type { Storage } from '../storage/storage';
import { AUDIT_ACTIVITY, AuditActivity } from './audit-activity.port';
import { SqlAuditActivity } from './audit-activity.sql';
import { CaseHistory } from './case-history';

/** What the auditors' queries read, over a storage: the API's providers and the audit CLI are both built from it. */
export interface AuditSources {
  readonly history: CaseHistory;
  readonly activity: AuditActivity;
}

export const auditSources = (storage: Pick<Storage, 'eventStore' | 'sql'>): AuditSources => ({
  history: new CaseHistory(storage.eventStore),
  activity: new SqlAuditActivity(storage.sql),
});

export const AUDIT_PROVIDERS: Provider[] = [
  { provide: CaseHistory, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CaseHistory(store) },
  {
    provide: AUDIT_ACTIVITY,
    inject: [SQL_CLIENT],
    useFactory: (sql: SqlClient) => new SqlAuditActivity(sql),
  },
];
