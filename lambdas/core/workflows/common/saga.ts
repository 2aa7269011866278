import { randomUUID } from 'node:crypto';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { Reconciliation, ReconciliationLog } from '../../ports/reconciliation-log';
import type { UserDirectory } from '../../ports/user-directory';
import { type Sleep, withRetries } from '../../retry';

/**
 * The steps every cross-system saga shares (admin provisioning now, deleting a
 * user next): a write-ahead reconciliation record before the first external
 * write, a deadline that stops forward steps while there is still time to
 * undo them, and a compensation that retries and, failing that, leaves a
 * durable record for an operator. Bounded by the SDK timeouts
 * (adapters/aws/sdk-config.ts); docs/decisions/0016-bounded-sagas.md.
 */
export interface SagaPorts {
  directory: UserDirectory;
  reconciliations: ReconciliationLog;
  clock: Clock;
  sleep: Sleep;
  /** Time left in this invocation (Lambda's `getRemainingTimeInMillis`); scripts have no limit. */
  remainingMs?: () => number;
}

export interface SagaBudget {
  /** The worst time of one external call (SDK timeouts and retries included). */
  callMs: number;
  /** Kept free for undoing: one compensation call, the reconciliation record, and a margin. */
  reserveMs: number;
}

/** How often, and how patiently, a compensation is tried (within the remaining time). */
export const COMPENSATION_RETRIES = { attempts: 3, baseDelayMs: 100 } as const;

/** Time ran out before a forward step; the saga compensates instead of going on. */
export class SagaDeadlineError extends Error {
  override readonly name = 'SagaDeadlineError';
  constructor(step: string) {
    super(`Not enough time left to run "${step}" and still undo it.`);
  }
}

/** Throws SagaDeadlineError unless `step` and the compensation after it still fit. */
export function assertTimeFor(ports: Pick<SagaPorts, 'remainingMs'>, budget: SagaBudget, step: string): void {
  const left = ports.remainingMs?.() ?? Number.POSITIVE_INFINITY;
  if (left < budget.callMs + budget.reserveMs) throw new SagaDeadlineError(step);
}

interface SagaInput {
  email: string;
  actor: { sub: string };
  correlationId: string;
  /** @default 'provisioning-in-progress' */
  kind?: Reconciliation['kind'];
  username?: string;
}

/** Writes the write-ahead record; if that fails, the saga must not start (nothing is written yet). */
export async function openSaga(
  ports: Pick<SagaPorts, 'reconciliations' | 'clock'>,
  input: SagaInput,
): Promise<Reconciliation> {
  const entry: Reconciliation = {
    id: randomUUID(),
    kind: input.kind ?? 'provisioning-in-progress',
    ...(input.username ? { username: input.username } : {}),
    email: input.email,
    actor: input.actor.sub,
    correlationId: input.correlationId,
    createdAt: ports.clock().toISOString(),
    errors: [],
    status: 'pending',
  };
  await ports.reconciliations.record(entry);
  return entry;
}

/** Resolves the write-ahead record. Best effort: left pending, `npm run reconcile` finds it complete. */
export async function closeSaga(ports: SagaPorts, entry: Reconciliation): Promise<void> {
  try {
    await ports.reconciliations.resolve(entry.id, ports.clock());
  } catch (error) {
    log('warn', 'saga record not closed', { reconciliationId: entry.id, error: nameOf(error) });
  }
}

/**
 * Undoes the Cognito user; true when it is gone (and the saga record is
 * closed). Retries while the time left allows; failing that, turns the saga
 * record into an `orphan-cognito-user` record (and an error line) and answers false.
 */
export async function compensateUser(
  ports: SagaPorts,
  budget: SagaBudget,
  entry: Reconciliation,
  username: string,
  causes: unknown[],
): Promise<boolean> {
  let attemptsLeft: number = COMPENSATION_RETRIES.attempts;
  try {
    await withRetries(
      async () => {
        attemptsLeft--;
        // Keep time for the reconciliation record after the last attempt.
        if (attemptsLeft < COMPENSATION_RETRIES.attempts - 1)
          assertTimeFor(ports, budget, 'compensation retry');
        await ports.directory.deleteUser(username);
      },
      { ...COMPENSATION_RETRIES, sleep: ports.sleep },
    );
    await closeSaga(ports, entry);
    return true;
  } catch (exhausted) {
    const errors = [...causes, ...((exhausted as { errors?: unknown[] }).errors ?? [exhausted])].map(nameOf);
    const orphan: Reconciliation = { ...entry, kind: 'orphan-cognito-user', username, errors };
    log('error', 'compensation failed', {
      reconciliationId: orphan.id,
      username,
      errors,
      correlationId: orphan.correlationId,
    });
    try {
      await ports.reconciliations.record(orphan);
    } catch (recordError) {
      // The last line of defence: everything an operator needs is in this log line
      // (and the write-ahead record, if it was written, is still pending).
      log('error', 'reconciliation record not written', { ...orphan, recordError: nameOf(recordError) });
    }
    return false;
  }
}

export function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : 'Unknown';
}
