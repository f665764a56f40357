/** Test data shared by the unit specs; nothing outside *.unit.spec.ts imports it. */
import type { CommandMetadata, LevelOfAssurance } from './command-metadata';

/** Valid DNIs/NIEs (check letters computed, not real people). */
export const PEOPLE = {
  ana: '12345678Z',
  bruno: '45678912S',
  carmen: 'X1234567L',
} as const;

export const metadataFor = (
  actorId: string,
  options: { now?: string; levelOfAssurance?: LevelOfAssurance } = {},
): CommandMetadata => ({
  now: new Date(options.now ?? '2026-11-23T10:00:00.000Z'),
  actor: {
    id: actorId,
    roles: ['citizen'],
    levelOfAssurance: options.levelOfAssurance ?? 'certificate',
  },
});

/** A distinct, well-formed sha-256 hex per seed. */
export const blobHash = (seed: number): string => seed.toString(16).padStart(64, '0');
