import { ConfigurationError } from '../domain/errors';
import { openSession, sealingKey, sealSession } from '../domain/sealed-session';
import type { SessionSeal } from '../ports/session-seal';

/** An environment variable the function cannot run without (ConfigurationError: a 500, logged by name). */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConfigurationError(`${name} is not set.`);
  return value;
}

/** A lazy, per-container singleton; mark each module-level use pure (esbuild annotation) so an unused one is tree-shaken. */
export function cached<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= create();
    return value;
  };
}

/** A SessionSeal whose key is derived, once per container, from `secret` (a failed read is tried again). */
export function keyedSessionSeal(secret: () => Promise<string>): SessionSeal {
  let key: Promise<Buffer> | undefined;
  const keyOnce = () => {
    key ??= secret()
      .then(sealingKey)
      .catch((error: unknown) => {
        key = undefined;
        throw error;
      });
    return key;
  };
  return {
    seal: async (opened) => sealSession(await keyOnce(), opened),
    open: async (sealed) => openSession(await keyOnce(), sealed),
  };
}
