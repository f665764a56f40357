import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { TypedConfig } from '@expediente/infra/infra.module';
import { WebApi } from '../api-client';
import { Sessions } from '../session/sessions';
import { sendPage } from '../views';
import { Web, WebContext } from '../web-context';
import { samplesOf } from './prometheus-text';

const WATCHED = new Set([
  'expediente_queue_jobs',
  'expediente_subscriber_lag_events',
  'expediente_projection_lag_events',
  'expediente_reconciler_redrives_total',
]);
const TIMEOUT_MS = 3000;

interface Component {
  readonly name: string;
  readonly up: boolean;
  readonly detail: string;
}

/**
 * The operations page: is every component up (the API's dependencies — event store, read
 * models, Redis — and the worker), how far behind the log each projection is, what the
 * reconciler re-drove, and the job queues, with the queue board one link away.
 */
@Controller('operator')
export class OperatorController {
  private readonly workerUrl: string;
  private readonly metricsToken?: string;

  constructor(
    @Inject(WebApi) private readonly api: WebApi,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(ConfigService) config: TypedConfig,
  ) {
    this.workerUrl =
      config.get('WORKER_INTERNAL_URL', { infer: true }) ??
      `http://127.0.0.1:${config.get('WORKER_PORT', { infer: true })}`;
    this.metricsToken = config.get('METRICS_TOKEN', { infer: true });
  }

  @Get()
  async status(@Web() web: WebContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!(await this.sessions.require(web, req, res, ['operator']))) return;
    const [apiHealth, workerHealth, metrics] = await Promise.all([
      this.health(`${this.api.baseUrl}/health`),
      this.health(`${this.workerUrl}/health`),
      this.text(`${this.workerUrl}/metrics`).then((text) => text ?? this.text(`${this.api.baseUrl}/metrics`)),
    ]);
    const components: Component[] = [
      ...this.componentsOf('api', apiHealth, web),
      { name: web.t('operator.component.worker'), up: workerHealth?.ok ?? false, detail: this.workerUrl },
    ];
    const samples = samplesOf(metrics ?? '', WATCHED);
    const lag = samples
      .filter((s) => s.name !== 'expediente_queue_jobs' && s.name !== 'expediente_reconciler_redrives_total')
      .map((s) => ({ name: s.labels.subscriber ?? s.labels.projection ?? '?', events: s.value }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const queues = new Map<string, Record<string, number>>();
    for (const s of samples.filter((x) => x.name === 'expediente_queue_jobs')) {
      const row = queues.get(s.labels.queue ?? '?') ?? {};
      row[s.labels.state ?? '?'] = s.value;
      queues.set(s.labels.queue ?? '?', row);
    }
    const redrives = samples
      .filter((s) => s.name === 'expediente_reconciler_redrives_total')
      .map((s) => ({ effect: s.labels.effect ?? '?', count: s.value }));
    sendPage(
      res,
      web,
      'operator/status',
      {
        components,
        allUp: components.every((c) => c.up),
        lag,
        queues: [...queues].map(([name, states]) => ({ name, ...states })),
        redrives,
        metricsRead: metrics !== undefined,
        checkedAt: new Date().toISOString(),
        checkedTime: new Intl.DateTimeFormat('es-ES', {
          timeStyle: 'medium',
          timeZone: 'Europe/Madrid',
        }).format(new Date()),
      },
      { title: 'operator.title' },
    );
  }

  private componentsOf(
    _: 'api',
    report: { ok: boolean; body?: unknown } | undefined,
    web: WebContext,
  ): Component[] {
    const api: Component = {
      name: web.t('operator.component.api'),
      up: report?.ok ?? false,
      detail: this.api.baseUrl,
    };
    const body = report?.body;
    if (typeof body !== 'object' || body === null || !('details' in body)) return [api];
    const details = body.details;
    if (typeof details !== 'object' || details === null) return [api];
    return [
      api,
      ...Object.entries(details).map(([name, value]): Component => {
        const indicator =
          typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
        const facts = Object.entries(indicator)
          .filter(([k]) => k !== 'status')
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join(' · ');
        return { name: web.t(`operator.component.${name}`), up: indicator.status === 'up', detail: facts };
      }),
    ];
  }

  private async health(url: string): Promise<{ ok: boolean; body?: unknown } | undefined> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      const body: unknown = await response.json().catch(() => undefined);
      return { ok: response.ok, body };
    } catch {
      return undefined;
    }
  }

  private async text(url: string): Promise<string | undefined> {
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: this.metricsToken ? { authorization: `Bearer ${this.metricsToken}` } : {},
      });
      return response.ok ? await response.text() : undefined;
    } catch {
      return undefined;
    }
  }
}
