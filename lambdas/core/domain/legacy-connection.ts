import { ConfigurationError } from './errors';

/**
 * The legacy database's connection string from its secret's value: either
 * the URL itself (`postgres://user:password@host:5432/db?sslmode=verify-full`)
 * or the JSON an RDS-managed secret holds (`username`, `password`, `host`,
 * `port`, `dbname`, optionally `sslmode`). The value is never echoed in an error.
 */
export function legacyConnectionString(secretValue: string): string {
  const value = secretValue.trim();
  if (/^postgres(ql)?:\/\//.test(value)) return value;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(value) as Record<string, unknown>;
  } catch {
    throw new ConfigurationError('The legacy database secret is neither a postgres:// URL nor JSON.');
  }
  const text = (key: string) =>
    typeof parsed[key] === 'string' || typeof parsed[key] === 'number' ? String(parsed[key]) : '';
  const [user, password, host] = [text('username'), text('password'), text('host')];
  if (!user || !password || !host)
    throw new ConfigurationError('The legacy database secret needs username, password and host.');
  const port = text('port') || '5432';
  const database = text('dbname') || 'postgres';
  const ssl = text('sslmode') ? `?sslmode=${encodeURIComponent(text('sslmode'))}` : '';
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}${ssl}`;
}
