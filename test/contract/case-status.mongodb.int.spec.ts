import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoCaseStatusReadModel } from '@expediente/infra/case-status/case-status.mongodb';
import { caseStatusContract } from './case-status.contract';

/** e.g. mongodb://localhost:27017 — a server of its own or shared: each run gets a database of its own. */
const url = process.env.MONGODB_URL;

if (!url) {
  console.warn(
    'MongoDB case-status contract suite skipped: MONGODB_URL is not set (no MongoDB server reachable on this machine)',
  );
}

// Skipped as a whole, the contract's hooks never run, so the factory never connects.
(url ? describe : describe.skip)('MongoDB adapter', () => {
  caseStatusContract('MongoDB', async ({ now }) => {
    const database = `case_status_${randomBytes(6).toString('hex')}`;
    const model = await MongoCaseStatusReadModel.connect(url!, { database, now });
    return {
      model,
      async teardown() {
        await model.close();
        const client = await MongoClient.connect(url!);
        await client.db(database).dropDatabase();
        await client.close();
      },
    };
  });
});
