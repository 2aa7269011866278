import { log } from '../../log';

/** One audit line per admin operation: who did what to whom, and how it ended. Never a secret. */
export function audit(entry: {
  action: string;
  actor: string;
  target: string;
  outcome: string;
  correlationId: string;
}): void {
  log('info', 'audit', { ...entry });
}

/** Runs `work` and writes its audit line: `outcome` on success, the error's name on failure. */
export async function audited<T>(
  entry: { action: string; actor: string; target: string; correlationId: string },
  work: () => Promise<T>,
  outcome = 'done',
): Promise<T> {
  try {
    const result = await work();
    audit({ ...entry, outcome });
    return result;
  } catch (error) {
    audit({ ...entry, outcome: `refused:${(error as Error).name ?? 'Error'}` });
    throw error;
  }
}

/** The audit entry of an admin request: its action, the actor's sub, the target, the correlation id. */
export function auditEntry(
  action: string,
  request: { actor: { sub: string }; correlationId: string },
  target: string,
): { action: string; actor: string; target: string; correlationId: string } {
  return { action, actor: request.actor.sub, target, correlationId: request.correlationId };
}
