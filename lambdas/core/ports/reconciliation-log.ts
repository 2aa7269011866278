/** A cross-system inconsistency that a compensation could not undo, kept for an operator. */
export interface Reconciliation {
  id: string;
  /**
   * `provisioning-in-progress`: the write-ahead record of a saga, written before
   * its first external write and resolved at its end — still pending means the
   * run was cut off (timeout, crash) and may have left a Cognito user behind.
   * `orphan-cognito-user`: a Cognito user whose compensation failed.
   * `deletion-in-progress`: the write-ahead record of a user deletion; still
   * pending means it stopped part-way, and `npm run reconcile` finishes it.
   */
  kind: 'provisioning-in-progress' | 'orphan-cognito-user' | 'deletion-in-progress';
  /** The Cognito username (sub), once known, and the email concerned. */
  username?: string;
  email: string;
  /** Who started the operation that failed. */
  actor: string;
  correlationId: string;
  createdAt: string;
  /** The error names seen (never messages: they may echo input). */
  errors: string[];
  status: 'pending' | 'resolved';
  resolvedAt?: string;
}

/** Durable reconciliation records: written when a compensation fails, repaired by `npm run reconcile`. */
export interface ReconciliationLog {
  record(entry: Reconciliation): Promise<void>;
  pending(): Promise<Reconciliation[]>;
  /** Marks `id` resolved; idempotent. */
  resolve(id: string, at: Date): Promise<void>;
}
