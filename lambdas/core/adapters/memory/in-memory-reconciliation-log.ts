import type { Reconciliation, ReconciliationLog } from '../../ports/reconciliation-log';

/** Reconciliation records in memory (mock mode). */
export class InMemoryReconciliationLog implements ReconciliationLog {
  private readonly entries = new Map<string, Reconciliation>();

  async record(entry: Reconciliation): Promise<void> {
    this.entries.set(entry.id, structuredClone(entry));
  }

  async pending(): Promise<Reconciliation[]> {
    return [...this.entries.values()].filter((e) => e.status === 'pending').map((e) => structuredClone(e));
  }

  async resolve(id: string, at: Date): Promise<void> {
    const entry = this.entries.get(id);
    if (entry) this.entries.set(id, { ...entry, status: 'resolved', resolvedAt: at.toISOString() });
  }
}
