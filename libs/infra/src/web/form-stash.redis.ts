import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { FORM_STASH_TTL_SECONDS, FormStash, StashedForm } from './form-stash.port';

const stashed = z.object({ path: z.string(), fields: z.record(z.string(), z.string()) });

/** Stashed forms in Redis under the deployment's prefix, expiring by themselves. */
export class RedisFormStash implements FormStash {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async keep(form: StashedForm): Promise<string> {
    const id = randomBytes(18).toString('base64url');
    await this.redis.set(this.key(id), JSON.stringify(form), 'EX', FORM_STASH_TTL_SECONDS);
    return id;
  }

  async take(id: string): Promise<StashedForm | undefined> {
    if (!/^[\w-]{24}$/.test(id)) return undefined;
    const raw = await this.redis.getdel(this.key(id));
    if (raw === null) return undefined;
    const parsed = stashed.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  }

  private key(id: string): string {
    return `${this.prefix}:form-stash:${id}`;
  }
}
