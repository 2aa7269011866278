import type { Clock } from '../../ports/clock';
import type { Email, Mailer } from '../../ports/mailer';
import type { Outbox } from './outbox';

/** The mailer of mock mode: every email lands in the local outbox (`GET /_local/outbox`). */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async send(email: Email): Promise<void> {
    this.outbox.send({ ...email, to: email.to.trim().toLowerCase(), sentAt: this.clock().toISOString() });
  }
}
