import { Collection, Db, Filter, MongoClient } from 'mongodb';
import { citizenViewOf, evolveCitizenCase, initialCitizenCase, madridDateOf } from '@expediente/domain';
import { StoredEvent } from '../event-store/event-store.port';
import { CaseStatusChange, changesOf } from './case-status.changes';
import {
  CasePage,
  CaseStatusReadModel,
  CaseStatusView,
  nextCursor,
  PowerRecord,
  ReceiptRecord,
  requireCaseCursor,
  reviewDetailsOf,
  TimelineEntry,
} from './case-status.port';
import {
  CaseDoc,
  CheckpointDoc,
  plan,
  planLine,
  PowerDoc,
  ReceiptDoc,
  TimelineDoc,
  Writes,
} from './case-status.mongodb.writes';
import { processClock } from '../clock/clock';

/**
 * The case-status read model in MongoDB (collections cases, timeline, powers,
 * receipts, checkpoints). Without a multi-document transaction, every write is
 * idempotent: inserts are upserts of a deterministic _id, and an update applies
 * only if the event is newer than the document's `lastPosition`
 * (case-status.mongodb.writes.ts). A replay after a crash between the writes and
 * the checkpoint therefore changes nothing.
 */
export class MongoCaseStatusReadModel implements CaseStatusReadModel {
  readonly kind = 'mongodb';
  readonly name = 'case-status';
  private readonly cases: Collection<CaseDoc>;
  private readonly timelines: Collection<TimelineDoc>;
  private readonly powers: Collection<PowerDoc>;
  private readonly receipts: Collection<ReceiptDoc>;
  private readonly checkpoints: Collection<CheckpointDoc>;

  private constructor(
    private readonly client: MongoClient,
    db: Db,
    private readonly now: () => Date,
  ) {
    this.cases = db.collection('cases');
    this.timelines = db.collection('timeline');
    this.powers = db.collection('powers');
    this.receipts = db.collection('receipts');
    this.checkpoints = db.collection('checkpoints');
  }

  /** Connects to the database named in `url` (or `options.database`) and creates the indexes. */
  static async connect(
    url: string,
    options: { database?: string; now?: () => Date } = {},
  ): Promise<MongoCaseStatusReadModel> {
    const client = await MongoClient.connect(url);
    try {
      const model = new MongoCaseStatusReadModel(
        client,
        client.db(options.database),
        options.now ?? (() => processClock.now()),
      );
      await model.createIndexes();
      return model;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async checkpoint(): Promise<number> {
    return (await this.checkpoints.findOne({ _id: this.name }))?.position ?? 0;
  }

  async apply(events: readonly StoredEvent[]): Promise<void> {
    const from = await this.checkpoint();
    const fresh = events.filter((event) => event.position > from);
    const last = fresh[fresh.length - 1];
    if (!last) return;
    let writes = noWrites();
    for (const event of fresh) {
      for (const change of changesOf(event)) {
        if (change.kind !== 'case-step') {
          plan(writes, change, event.position);
          continue;
        }
        // A step reads the case's fold, which the writes planned so far may change: they go first.
        await this.write(writes);
        writes = noWrites();
        await this.applyStep(change, writes);
      }
    }
    await this.write(writes);
    // $max: a slower replica finishing an older batch never moves the checkpoint back.
    await this.checkpoints.updateOne(
      { _id: this.name },
      { $max: { position: last.position } },
      { upsert: true },
    );
  }

  private async write(writes: Writes): Promise<void> {
    if (writes.cases.length) await this.cases.bulkWrite(writes.cases, { ordered: true });
    if (writes.timeline.length) await this.timelines.bulkWrite(writes.timeline, { ordered: true });
    if (writes.powers.length) await this.powers.bulkWrite(writes.powers, { ordered: true });
    if (writes.receipts.length) await this.receipts.bulkWrite(writes.receipts, { ordered: true });
  }

  /**
   * Folds a review or notification step into the case's CitizenCase, once (`citizenPosition`
   * guards it). A withdrawn case stays withdrawn, as in the SQL adapter.
   */
  private async applyStep(
    step: Extract<CaseStatusChange, { kind: 'case-step' }>,
    writes: Writes,
  ): Promise<void> {
    const doc = await this.cases.findOne(
      'caseId' in step.target ? { _id: step.target.caseId } : { notificationId: step.target.notificationId },
    );
    if (!doc || (doc.citizenPosition ?? 0) >= step.position) return;
    const citizen = evolveCitizenCase(doc.citizen ?? initialCitizenCase(), step.event);
    const status = citizenViewOf(citizen)?.status;
    await this.cases.updateOne({ _id: doc._id, citizenPosition: { $not: { $gte: step.position } } }, [
      {
        $set: {
          citizen: { $literal: citizen },
          citizenPosition: step.position,
          ...(step.event.type === 'NotificationMadeAvailable' && {
            notificationId: step.event.data.notificationId,
          }),
          status: status
            ? { $cond: [{ $eq: ['$status', 'withdrawn'] }, '$status', { $literal: status }] }
            : '$status',
          updatedAt: step.at,
          lastPosition: { $max: ['$lastPosition', step.position] },
        },
      },
    ]);
    if (step.line) planLine(writes, doc._id, step.line);
  }

  /** The checkpoint goes first: a crash half-way leaves a replay from zero, which the guards make harmless. */
  async reset(): Promise<void> {
    await this.checkpoints.updateOne({ _id: this.name }, { $set: { position: 0 } }, { upsert: true });
    await Promise.all([this.cases, this.timelines, this.powers, this.receipts].map((c) => c.deleteMany({})));
  }

  async myCases(person: string, page: { limit: number; before?: string }): Promise<CasePage> {
    const cursor = page.before === undefined ? undefined : requireCaseCursor(page.before);
    const principals = await this.powers.distinct('principal', this.inForceFor(person));
    const visible: Filter<CaseDoc> = {
      $or: [{ filer: person }, { subject: { $in: [person, ...principals] } }],
    };
    const after: Filter<CaseDoc> = cursor
      ? {
          $or: [
            { updatedAt: { $lt: cursor.updatedAt } },
            { updatedAt: cursor.updatedAt, _id: { $lt: cursor.caseId } },
          ],
        }
      : {};
    const docs = await this.cases
      .find({ $and: [visible, after] })
      .sort({ updatedAt: -1, _id: -1 })
      .limit(page.limit + 1)
      .toArray();
    const items = docs.slice(0, page.limit).map(present);
    return { items, next: nextCursor(items, page.limit, docs.length) };
  }

  async caseFor(person: string, caseId: string): Promise<CaseStatusView | undefined> {
    const doc = await this.cases.findOne({ _id: caseId });
    if (!doc) return undefined;
    const visible =
      doc.filer === person ||
      doc.subject === person ||
      (await this.powers.countDocuments(
        { ...this.inForceFor(person), principal: doc.subject },
        { limit: 1 },
      )) > 0;
    return visible ? present(doc) : undefined;
  }

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    const docs = await this.timelines.find({ caseId }).sort({ position: 1 }).toArray();
    return docs.map(({ at, kind, text, message }) => ({ at, kind, text, message: message ?? null }));
  }

  async receiptByCsv(csv: string): Promise<ReceiptRecord | undefined> {
    return presentReceipt(await this.receipts.findOne({ _id: csv }));
  }

  async receiptOfCase(caseId: string): Promise<ReceiptRecord | undefined> {
    return presentReceipt(await this.receipts.findOne({ caseId }));
  }

  async powersOf(person: string): Promise<PowerRecord[]> {
    const docs = await this.powers
      .find({ $or: [{ principal: person }, { proxy: person }] })
      .sort({ validFrom: -1, _id: 1 })
      .toArray();
    return docs.map(({ _id, principal, proxy, procedures, validFrom, validUntil, status }) => ({
      powerId: _id,
      principal,
      proxy,
      procedures,
      validFrom,
      validUntil,
      status,
    }));
  }

  async powerIdsBetween(principal: string, proxy: string): Promise<string[]> {
    const docs = await this.powers
      .find({ principal, proxy }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .toArray();
    return docs.map((doc) => doc._id);
  }

  async ping(): Promise<void> {
    await this.client.db().command({ ping: 1 });
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Powers held by `proxy` that are accepted and in force today (Madrid calendar days, both ends included). */
  private inForceFor(proxy: string): Filter<PowerDoc> {
    const today = madridDateOf(this.now());
    return { proxy, status: 'accepted', validFrom: { $lte: today }, validUntil: { $gte: today } };
  }

  private async createIndexes(): Promise<void> {
    await this.cases.createIndexes([
      { key: { filer: 1, updatedAt: -1, _id: -1 } },
      { key: { subject: 1, updatedAt: -1, _id: -1 } },
    ]);
    await this.cases.createIndex({ notificationId: 1 }, { sparse: true });
    await this.timelines.createIndex({ caseId: 1, position: 1 });
    await this.powers.createIndexes([{ key: { proxy: 1, status: 1 } }, { key: { principal: 1, proxy: 1 } }]);
    await this.receipts.createIndex({ caseId: 1 });
  }
}

const noWrites = (): Writes => ({ cases: [], timeline: [], powers: [], receipts: [] });

function present({
  _id,
  lastPosition: _,
  citizen,
  citizenPosition: _folded,
  notificationId: _notification,
  ...doc
}: CaseDoc): CaseStatusView {
  return { caseId: _id, ...doc, ...reviewDetailsOf(doc.status, citizen ?? null) };
}

function presentReceipt(doc: ReceiptDoc | null): ReceiptRecord | undefined {
  if (!doc) return undefined;
  const { _id, ...receipt } = doc;
  return { csv: _id, ...receipt };
}
