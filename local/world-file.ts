import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type MemoryWorld, seedAdmin } from '../lambdas/core/adapters/memory/world';

/**
 * The local world on disk: what `npm start` and `npm run invoke` keep between
 * runs in mock mode — the fake pool (users, refresh tokens, challenge
 * sessions, its signing key), every fake table, and the outbox — in one file,
 * `.local/world.json` (git-ignored; `LOCAL_STATE_FILE` moves it, `off` keeps
 * everything in memory). Each holder's state is read off the fakes' own fields
 * (a test round-trips a world through the file), so the fakes stay plain.
 */
export const DEFAULT_STATE_FILE = path.join(__dirname, '..', '.local', 'world.json');

export function stateFile(): string | undefined {
  const chosen = process.env.LOCAL_STATE_FILE;
  if (chosen === 'off') return undefined;
  return chosen || DEFAULT_STATE_FILE;
}

type Holder = [label: string, target: (world: MemoryWorld) => object, fields: string[]];

const at = (object: object, ...keys: string[]): object =>
  keys.reduce<object>((inner, key) => Reflect.get(inner, key) as object, object);

const HOLDERS: Holder[] = [
  ['pool', (w) => at(w.cognito, 'pool'), ['users', 'usernameByEmail']],
  ['tokens', (w) => at(w.cognito, 'tokens'), ['refreshTokens', 'revokedOrigins']],
  ['sessions', (w) => at(w.cognito.signIn, 'sessions'), ['pending']],
  ['customAuth', (w) => at(w.cognito.signIn, 'steps', 'customAuth'), ['pending']],
  ['userAuth', (w) => at(w.cognito.signIn, 'steps', 'userAuth'), ['pending', 'confirmed']],
  ['webAuthn', (w) => at(w.cognito, 'passkeys'), ['registrations']],
  ['users', (w) => w.users, ['records']],
  ['admins', (w) => w.admins, ['records']],
  ['usernames', (w) => w.usernames, ['owners']],
  ['passkeyIndex', (w) => w.passkeyIndex, ['items']],
  ['reconciliations', (w) => w.reconciliations, ['entries']],
  ['idempotency', (w) => w.idempotency, ['keys']],
  ['rateLimiter', (w) => w.rateLimiter, ['counts']],
  ['outbox', (w) => w.outbox, ['messages']],
];

/** JSON for Maps, Sets, Buffers and Dates (the fakes' state holds all four). */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Map) return { $map: [...raw] };
  if (raw instanceof Set) return { $set: [...raw] };
  if (Buffer.isBuffer(raw)) return { $buf: raw.toString('base64') };
  if (raw instanceof Date) return { $date: raw.toISOString() };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const tagged = value as Record<string, unknown>;
  if ('$map' in tagged) return new Map(tagged.$map as Array<[unknown, unknown]>);
  if ('$set' in tagged) return new Set(tagged.$set as unknown[]);
  if ('$buf' in tagged) return Buffer.from(tagged.$buf as string, 'base64');
  if ('$date' in tagged) return new Date(tagged.$date as string);
  return value;
}

/** The world's state as JSON text. */
export function serializeWorld(world: MemoryWorld): string {
  const signer = at(world.cognito, 'signer');
  const state: Record<string, unknown> = {
    version: 1,
    signer: {
      kid: Reflect.get(signer, 'kid'),
      key: (Reflect.get(signer, 'privateKey') as KeyObject).export({ format: 'pem', type: 'pkcs8' }),
      jwk: Reflect.get(signer, 'publicJwk'),
    },
  };
  for (const [label, target, fields] of HOLDERS) {
    const holder = target(world);
    state[label] = Object.fromEntries(fields.map((field) => [field, Reflect.get(holder, field)]));
  }
  return JSON.stringify(state, replacer);
}

/** Puts `text`'s state into `world`, in place (every fake keeps its identity). */
export function restoreWorld(world: MemoryWorld, text: string): void {
  const state = JSON.parse(text, reviver) as Record<string, Record<string, unknown>>;
  if (state.version !== (1 as unknown)) throw new Error('The local state file is of another version.');
  const signer = at(world.cognito, 'signer');
  const saved = state.signer as { kid: string; key: string; jwk: unknown };
  Reflect.set(signer, 'kid', saved.kid);
  Reflect.set(signer, 'privateKey', createPrivateKey(saved.key));
  Reflect.set(signer, 'publicJwk', saved.jwk);
  for (const [label, target, fields] of HOLDERS) {
    const holder = target(world);
    for (const field of fields) {
      const current = Reflect.get(holder, field);
      const value = state[label]?.[field];
      if (current instanceof Map && value instanceof Map) {
        current.clear();
        for (const [k, v] of value) current.set(k, v);
      } else if (current instanceof Set && value instanceof Set) {
        current.clear();
        for (const v of value) current.add(v);
      } else if (Array.isArray(current) && Array.isArray(value)) {
        current.splice(0, current.length, ...value);
      } else throw new Error(`The local state file has no ${label}.${field}.`);
    }
  }
}

/**
 * Reads the state file into `world` when there is one; false when there was
 * none, or when it cannot be read (corrupt, or from another version of the
 * fakes): then it is set aside as `<file>.unreadable` and the world starts over,
 * with a warning — a local tool must not refuse to start over its own scratch file.
 */
export function loadWorld(world: MemoryWorld, file = stateFile()): boolean {
  if (!file || !existsSync(file)) return false;
  try {
    restoreWorld(world, readFileSync(file, 'utf8'));
    return true;
  } catch (error) {
    renameSync(file, `${file}.unreadable`);
    console.warn(
      `The local world in ${file} could not be read (${(error as Error).message}); starting over (the file is now ${file}.unreadable).`,
    );
    return false;
  }
}

/** Writes `world` to the state file (atomically: a reader never sees half of it). */
export function saveWorld(world: MemoryWorld, file = stateFile()): void {
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, serializeWorld(world), { mode: 0o600 });
  renameSync(next, file);
}

/** Starts over: the state file removed. */
export function resetWorld(file = stateFile()): void {
  if (file) rmSync(file, { force: true });
}

/**
 * For a long-running process (`npm start`) sharing the file with others
 * (`npm run invoke`): `beforeRequest` reloads the file when another process
 * wrote it since, `afterRequest` writes it (after a short quiet spell).
 */
export function sharedWorld(world: MemoryWorld, file = stateFile()) {
  let seen = 0;
  let timer: NodeJS.Timeout | undefined;
  const mtime = () => (file && existsSync(file) ? statSync(file).mtimeMs : 0);
  const write = () => {
    timer = undefined;
    saveWorld(world, file);
    seen = mtime();
  };
  return {
    beforeRequest(): void {
      if (!file || timer) return;
      const changed = mtime();
      if (changed > seen && loadWorld(world, file)) seen = changed;
    },
    afterRequest(): void {
      if (!file) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(write, 200);
      timer.unref();
    },
    /** Writes now (at stop). */
    flush(): void {
      if (timer) clearTimeout(timer);
      if (file) write();
    },
  };
}

/**
 * The bootstrap admin of the local world: created with `password` when the
 * world has none; when it has one (a persisted world), its password becomes
 * `password`, so what `npm start` prints is what signs in.
 */
export async function ensureBootstrapAdmin(
  world: MemoryWorld,
  email: string,
  password: string,
): Promise<void> {
  if (await seedAdmin(world, { email, password })) return;
  const admin = await world.cognito.directory.getUser(email);
  if (admin) await world.cognito.accountAdmin.setPassword(admin.username, password, true);
}
