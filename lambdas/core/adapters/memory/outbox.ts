/** What kind of message the fake "sent" (docs/api.md, local outbox). */
export type MessageKind =
  | 'TEMPORARY_PASSWORD'
  | 'ADMIN_INVITE'
  | 'VERIFICATION_CODE'
  | 'RESET_CODE'
  | 'SIGN_IN_CODE'
  | 'NOTICE';

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: MessageKind;
  /** The code or temporary password the message carries, for local testing only. */
  secret?: string;
  sentAt: string;
}

/** Where the in-memory adapters deliver email: a list, oldest first. */
export class Outbox {
  private readonly messages: OutboxMessage[] = [];

  send(message: OutboxMessage): void {
    this.messages.push(message);
  }

  /** All messages, or those to one address (case-insensitive), oldest first. */
  list(to?: string): OutboxMessage[] {
    const wanted = to?.trim().toLowerCase();
    return this.messages.filter((m) => wanted === undefined || m.to === wanted).map((m) => ({ ...m }));
  }

  /** The newest message to `to` of `kind`, if any. */
  latest(to: string, kind?: MessageKind): OutboxMessage | undefined {
    return this.list(to)
      .filter((m) => kind === undefined || m.kind === kind)
      .at(-1);
  }
}
