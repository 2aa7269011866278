import {
  CODE_PARAMETER,
  type EmailMessage,
  fillPlaceholders,
  hasRequiredPlaceholders,
  type MessageSource,
  POOL_TEMPLATES,
  plainText,
  USERNAME_PARAMETER,
} from '../../../domain/messages';
import { newSixDigitCode } from '../../../domain/sign-in-code';
import type { MessageKind, Outbox } from '../outbox';
import { hashPassword } from './passwords';
import type { FakeUser, PoolConfig } from './pool';
import type { Triggers } from './triggers';

/**
 * How the fake pool sends email, as Cognito does: with a CustomMessage
 * trigger configured, the trigger is called with a Cognito-shaped event and
 * its `emailSubject`/`emailMessage` are used when they keep the required
 * placeholders; otherwise the pool's own template. The placeholders are then
 * filled and the message lands in the outbox.
 */
export class Messenger {
  constructor(
    private readonly config: PoolConfig,
    private readonly outbox: Outbox,
    private readonly triggers: Triggers,
  ) {}

  /**
   * Mails a fresh 6-digit code (as Cognito does for sign-up, resend and
   * reset) and answers what the pool keeps of it: its digest, expiry and tries.
   */
  async sendCode(
    user: FakeUser,
    source: MessageSource,
    validityMs: number,
  ): Promise<{ hash: Buffer; expiresAt: number; failures: number }> {
    const code = newSixDigitCode();
    await this.send(user, { source, secret: code });
    return { hash: hashPassword(code), expiresAt: this.config.clock().getTime() + validityMs, failures: 0 };
  }

  async send(
    user: FakeUser,
    input: { source: MessageSource; secret: string; clientMetadata?: Record<string, string> },
  ): Promise<void> {
    const template = await this.compose(user, input);
    // Cognito fills {username} with the username, which with email sign-in is the user's UUID.
    const values = { code: input.secret, username: user.username };
    const html = fillPlaceholders(template.html, values);
    this.outbox.send({
      to: user.email,
      subject: fillPlaceholders(template.subject, values),
      text: plainText(html),
      html,
      kind: kindOf(input.source, input.clientMetadata),
      secret: input.secret,
      sentAt: this.config.clock().toISOString(),
    });
  }

  private async compose(
    user: FakeUser,
    input: { source: MessageSource; clientMetadata?: Record<string, string> },
  ): Promise<EmailMessage> {
    const fallback = defaultTemplate(input.source);
    const event = customMessageEvent(this.config, user, input.source, input.clientMetadata ?? {});
    const answer = (await this.triggers.call('CustomMessage', event)) as typeof event | undefined;
    const custom = answer?.response;
    if (!custom?.emailMessage || !hasRequiredPlaceholders(input.source, custom.emailMessage)) return fallback;
    return { subject: custom.emailSubject ?? fallback.subject, html: custom.emailMessage };
  }
}

function defaultTemplate(source: MessageSource): EmailMessage {
  const template = source === 'AdminCreateUser' ? POOL_TEMPLATES.invitation : POOL_TEMPLATES.verification;
  return { subject: template.subject, html: template.body };
}

function kindOf(source: MessageSource, clientMetadata: Record<string, string> = {}): MessageKind {
  if (source === 'AdminCreateUser')
    return clientMetadata.invitation === 'admin' ? 'ADMIN_INVITE' : 'TEMPORARY_PASSWORD';
  if (source === 'ForgotPassword') return 'RESET_CODE';
  if (source === 'Authentication') return 'SIGN_IN_CODE';
  return 'VERIFICATION_CODE';
}

/** A CustomMessage event in the shape Cognito sends (developer guide, "Custom message Lambda trigger"). */
export function customMessageEvent(
  config: PoolConfig,
  user: FakeUser,
  source: MessageSource,
  clientMetadata: Record<string, string>,
) {
  return {
    version: '1',
    region: config.region,
    userPoolId: config.userPoolId,
    userName: user.username,
    callerContext: {
      awsSdkVersion: 'aws-sdk-unknown-unknown',
      clientId: source === 'AdminCreateUser' ? 'CLIENT_ID_NOT_APPLICABLE' : config.clientId,
    },
    triggerSource: `CustomMessage_${source}`,
    request: {
      userAttributes: { ...user.attributes, 'cognito:user_status': user.status },
      codeParameter: CODE_PARAMETER,
      linkParameter: '{##Click Here##}',
      ...(source === 'AdminCreateUser' ? { usernameParameter: USERNAME_PARAMETER } : {}),
      clientMetadata,
    },
    response: {
      smsMessage: null as string | null,
      emailMessage: null as string | null,
      emailSubject: null as string | null,
    },
  };
}
