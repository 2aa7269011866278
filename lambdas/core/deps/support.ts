import { ConfigurationError } from '../domain/errors';

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
