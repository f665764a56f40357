import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export const SIGNING_ALGORITHM = 'ES256';
export const SIGNING_KEY_FILE = 'identity-es256.private.jwk';

export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  return exportJWK(privateKey);
}

/**
 * The key that signs local tokens, created at first start and kept so tokens survive a restart.
 * Several processes may start at once (npm start runs api, worker and backoffice): the key is
 * written to a private temp file and hard-linked into place, which fails if another process got
 * there first, so every process ends up with the same key and nobody reads a half-written file.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<JWK> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, SIGNING_KEY_FILE);
  const existing = await readKey(file);
  if (existing) return existing;

  const key = await generateSigningKey();
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(key), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
    return key;
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    const winner = await readKey(file);
    if (!winner) throw error;
    return winner;
  } finally {
    await unlink(temp);
  }
}

async function readKey(file: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  const key = JSON.parse(text) as JWK;
  if (key.kty !== 'EC' || key.crv !== 'P-256' || !key.d || !key.x || !key.y) {
    // Regenerating would silently log everybody out and hide a damaged data directory.
    throw new Error(`${file} is not an ES256 private key; restore it or delete it to generate a new one`);
  }
  return key;
}

/** Structural: fs errors need not be instances of this realm's Error (Jest runs tests in a vm context). */
function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}
