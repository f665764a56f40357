/** The shape of GET /health (Nest terminus). */
export interface HealthReport {
  status: 'ok' | 'error';
  info: Record<string, Record<string, unknown>>;
  error: Record<string, Record<string, unknown>>;
}
