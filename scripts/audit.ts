import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { isDomainError, type StateChange } from '@expediente/domain';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { openStorage, type Storage } from '@expediente/infra/storage/storage';
import { auditSources } from '@expediente/infra/audit/audit.providers';
import { auditActivityProjection } from '@expediente/infra/audit/audit-activity.projection';
import { ProjectionRunner } from '@expediente/infra/projections/projection-runner';
import { parseAuditQuery } from '../apps/api/src/audit/audit.shared';
import {
  ViewCaseHistory,
  ViewCaseHistoryHandler,
} from '../apps/api/src/audit/view-case-history/view-case-history.handler';
import { viewCaseHistoryQuery } from '../apps/api/src/audit/view-case-history/view-case-history.schema';
import {
  ViewCaseState,
  ViewCaseStateHandler,
} from '../apps/api/src/audit/view-case-state/view-case-state.handler';
import { viewCaseStateQuery } from '../apps/api/src/audit/view-case-state/view-case-state.schema';
import {
  DiffCaseStates,
  DiffCaseStatesHandler,
} from '../apps/api/src/audit/diff-case-states/diff-case-states.handler';
import { diffCaseStatesQuery } from '../apps/api/src/audit/diff-case-states/diff-case-states.schema';
import {
  SearchActivity,
  SearchActivityHandler,
} from '../apps/api/src/audit/search-activity/search-activity.handler';
import { searchActivityQuery } from '../apps/api/src/audit/search-activity/search-activity.schema';

const USAGE = `usage: npm run audit -- <command> [options] [--json]
  history CASE                         every event of every stream of the case, in log order
  state CASE [--at ISO | --position N] the case folded up to an instant or log position (now if neither)
  diff CASE --from X --to Y            what changed between two points (each a position or an ISO instant)
  activity [--actor DNI] [--case CASE] [--type EventType] [--from ISO] [--to ISO] [--limit N] [--cursor C]`;

class UsageError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseArgs(argv: readonly string[]) {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
      i++;
    } else positional.push(arg);
  }
  return { command: positional[0], caseId: positional[1], flags, json };
}

const caseIdOf = (caseId: string | undefined): string => {
  if (!caseId || !UUID.test(caseId)) throw new UsageError('CASE must be a case id (a UUID)');
  return caseId;
};

const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));
const changeLine = (change: StateChange) => `${change.path}: ${show(change.from)} → ${show(change.to)}`;
const who = (entry: {
  actor: string | null;
  actorName: string | null;
  role: string | null;
  levelOfAssurance: string | null;
}) =>
  `${entry.actor ?? '(no actor)'}${entry.actorName ? ` ${entry.actorName}` : ''} (${entry.role || 'no role'}, ${entry.levelOfAssurance ?? 'no level of assurance'})`;

/** Every leaf of a state as `path = value`, for reading a whole snapshot on a terminal. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'object' && value !== null) {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(value);
    if (entries.length === 0) return [`${path} = ${Array.isArray(value) ? '[]' : '{}'}`];
    return entries.flatMap(([key, v]) =>
      leaves(
        v,
        key.startsWith('[')
          ? `${path}${key}`
          : /^[A-Za-z_$][\w$]*$/.test(key)
            ? path
              ? `${path}.${key}`
              : key
            : `${path}[${JSON.stringify(key)}]`,
      ),
    );
  }
  return value === undefined ? [] : [`${path} = ${JSON.stringify(value)}`];
}

/** Runs one audit command over a storage, through the API's own query handlers, printing with `out`. */
export async function runAudit(
  argv: readonly string[],
  storage: Storage,
  out: (line: string) => void,
): Promise<void> {
  const { command, caseId, flags, json } = parseArgs(argv);
  const { history, activity } = auditSources(storage);
  const print = (value: unknown, text: () => string[]) =>
    json ? out(JSON.stringify(value, null, 2)) : text().forEach((line) => out(line));
  switch (command) {
    case 'history': {
      const id = caseIdOf(caseId);
      const handler = new ViewCaseHistoryHandler(history);
      let page = await handler.execute(
        new ViewCaseHistory(id, parseAuditQuery(viewCaseHistoryQuery, { limit: '500' })),
      );
      const items = [...page.items];
      while (page.next) {
        page = await handler.execute(
          new ViewCaseHistory(id, parseAuditQuery(viewCaseHistoryQuery, { limit: '500', cursor: page.next })),
        );
        items.push(...page.items);
      }
      return print({ ...page, items, next: null }, () => [
        `Case ${id}: ${items.length} events in ${page.streams.length} streams (${page.streams.map((s) => s.stream).join(', ')})`,
        ...items.flatMap((event) => [
          `#${event.position}  ${event.recordedAt}  ${event.stream} v${event.streamVersion}  ${event.type} (schema ${event.schemaVersion})`,
          `    by ${who({
            actor: event.metadata.actor ?? null,
            actorName: event.metadata.actorName ?? null,
            role: event.metadata.role ?? null,
            levelOfAssurance: event.metadata.levelOfAssurance ?? null,
          })}${event.metadata.command ? `, command ${event.metadata.command}` : ''}`,
          ...(['correlationId', 'causationId', 'idempotencyKey', 'reason'] as const)
            .filter((key) => event.metadata[key])
            .map((key) => `    ${key} ${event.metadata[key]}`),
          `    data ${JSON.stringify(event.data)}`,
          `    id ${event.id}  hash ${event.hash}`,
        ]),
      ]);
    }
    case 'state': {
      const id = caseIdOf(caseId);
      const query = parseAuditQuery(viewCaseStateQuery, { at: flags.at, position: flags.position });
      const view = await new ViewCaseStateHandler(history).execute(new ViewCaseState(id, query));
      const { lastEvent } = view.point;
      return print(view, () => [
        `Case ${id} after ${view.point.events} events${lastEvent ? `, the last #${lastEvent.position} ${lastEvent.type} at ${lastEvent.recordedAt}` : ''}`,
        ...leaves(view.state).map((line) => `  ${line}`),
      ]);
    }
    case 'diff': {
      const id = caseIdOf(caseId);
      const query = parseAuditQuery(diffCaseStatesQuery, { from: flags.from, to: flags.to });
      const view = await new DiffCaseStatesHandler(history).execute(new DiffCaseStates(id, query));
      return print(view, () => [
        `Case ${id}: ${view.events.length} events between ${flags.from} and ${flags.to}`,
        'Changes:',
        ...view.changes.map((change) => `  ${changeLine(change)}  (by ${change.events.join(', ')})`),
        'Events:',
        ...view.events.flatMap((event) => [
          `  #${event.position}  ${event.recordedAt}  ${event.type}  by ${who(event)}  [${event.eventId}]`,
          ...event.changes.map((change) => `      ${changeLine(change)}`),
        ]),
      ]);
    }
    case 'activity': {
      const query = parseAuditQuery(searchActivityQuery, {
        actor: flags.actor,
        caseId: flags.case,
        type: flags.type,
        from: flags.from,
        to: flags.to,
        limit: flags.limit,
        cursor: flags.cursor,
      });
      // No worker needs to be running: the projection is brought up to the log's end first.
      await new ProjectionRunner(storage.eventStore, storage.sql, auditActivityProjection).catchUp();
      const page = await new SearchActivityHandler(activity).execute(new SearchActivity(query));
      return print(page, () => [
        ...page.items.map(
          (item) =>
            `${item.recordedAt}  ${item.type}  by ${who(item)}  case ${item.caseId ?? '-'}  #${item.position}`,
        ),
        page.next ? `more: --cursor ${page.next}` : `(${page.items.length} entries, the last page)`,
      ]);
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command');
  }
}

/** What went wrong, in the words the API would answer with. */
function messageOf(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\n${USAGE}`;
  if (error instanceof HttpException) {
    const problem = error.getResponse();
    return typeof problem === 'object' && problem !== null && 'detail' in problem
      ? String(problem.detail)
      : error.message;
  }
  if (isDomainError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

if (require.main === module) {
  const config = loadConfig();
  openStorage(config)
    .then(async (storage) => {
      try {
        await runAudit(process.argv.slice(2), storage, (line) => console.log(line));
      } finally {
        await storage.close();
      }
    })
    .catch((error: unknown) => {
      console.error(`audit: ${messageOf(error)}`);
      process.exit(2);
    });
}
