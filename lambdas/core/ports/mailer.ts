/** An email the product sends itself (not through Cognito): the passwordless sign-in code. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What it is (the local outbox's `kind`). */
  kind: 'SIGN_IN_CODE' | 'NOTICE';
  /** The code it carries: kept by the local outbox for testing, never logged. */
  secret?: string;
}

/** Sends email: SES deployed, the outbox in mock mode. */
export interface Mailer {
  send(email: Email): Promise<void>;
}
