import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, Storage } from '@expediente/infra/storage/storage';
import { createApiApp } from '../../apps/api/src/api.app';
import { testDatabaseUrl } from '../support/postgres';
import { HealthReport } from '../support/http';

interface OpenApi {
  info: { title: string };
  paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>>;
}

describe('API health on PostgreSQL', () => {
  const schema = `health_${randomBytes(4).toString('hex')}`;
  let storage: Storage;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    storage = await openStorage(loadConfig({ DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema }));
    app = await createApiApp({ storage });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await storage?.close();
    const pool = new Pool({ connectionString: testDatabaseUrl, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('reports every dependency up and names the event store kind', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthReport;
    expect(body.status).toBe('ok');
    expect(body.info.eventStore).toMatchObject({ status: 'up', kind: 'postgres' });
    expect(body.info.readModels).toMatchObject({ status: 'up', kind: 'postgres' });
    expect(body.info.redis).toMatchObject({ status: 'up' });
  });

  it('serves the OpenAPI document, with the request bodies the API validates', async () => {
    const response = await fetch(`${base}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApi;
    expect(document.info.title).toBe('Expediente API');
    // One operation per procedure (issue 9): each describes its own draft.
    const createReports =
      document.paths['/filings/medical-reports']!.post!.requestBody.content['application/json']!.schema;
    const createApplication =
      document.paths['/filings/entitlement-applications']!.post!.requestBody.content['application/json']!
        .schema;
    expect(JSON.stringify(createReports)).toContain('benefitRequestRef');
    expect(JSON.stringify(createApplication)).toContain('beneficiaries');
    const upload = document.paths['/filings/medical-reports/{caseId}/attachments']!.post!.requestBody.content;
    expect(Object.keys(upload)).toEqual(['multipart/form-data']);
    const resolve =
      document.paths['/reviews/{caseId}/resolution']!.post!.requestBody.content['application/json']!.schema;
    expect(resolve).toMatchObject({ required: expect.arrayContaining(['outcome', 'grounds', 'legalBasis']) });
  });

  it('answers an unknown route with problem+json', async () => {
    const response = await fetch(`${base}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
