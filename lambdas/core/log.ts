const RANK = { info: 0, warn: 1, error: 2, silent: 3 } as const;

/** `LOG_LEVEL` (info, warn, error, silent); info by default. */
function threshold(): keyof typeof RANK {
  const wanted = process.env.LOG_LEVEL as keyof typeof RANK | undefined;
  return wanted && wanted in RANK ? wanted : 'info';
}

/**
 * One JSON line per event. Callers pass only fields that are safe to log:
 * never a password, code, token or request body.
 */
export function log(
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Record<string, unknown> = {},
): void {
  if (RANK[level] < RANK[threshold()]) return;
  const line = JSON.stringify({ level, event, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
}
