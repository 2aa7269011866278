/** A cross-system inconsistency that a compensation could not undo, kept for an operator. */
export interface Reconciliation {
  id: string;
  /** What is left over, e.g. a Cognito user with no database records. */
  kind: 'orphan-cognito-user';
  /** The Cognito username (sub) and email concerned. */
  username: string;
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
