import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { OutboxMessage } from '../../lambdas/core/adapters/memory/outbox';
import { fillPlaceholders, POOL_TEMPLATES, plainText } from '../../lambdas/core/domain/messages';
import type { EmulatorInfo } from './types';

interface CognitoLocalUser {
  Username?: string;
  Password?: string;
  /** The code of the last ForgotPassword (or sign-up), until it is used. */
  ConfirmationCode?: string;
  UserStatus?: string;
  UserCreateDate?: string;
  Attributes?: Array<{ Name?: string; Value?: string }>;
}

/** Users cognito-local holds in FORCE_CHANGE_PASSWORD, with the temporary password it generated. */
export function cognitoUsersAwaitingPassword(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
): Array<{ username: string; email: string; temporaryPassword: string; createdAt: string }> {
  let db: { Users?: Record<string, CognitoLocalUser> };
  try {
    db = JSON.parse(readFileSync(path.join(info.cognitoDbDir, `${info.userPoolId}.json`), 'utf8'));
  } catch {
    return []; // being rewritten right now; callers poll
  }
  return Object.values(db.Users ?? {}).flatMap((user) => {
    const email = user.Attributes?.find((a) => a.Name === 'email')?.Value?.toLowerCase();
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD' || !email || !user.Password) return [];
    return [
      {
        username: user.Username ?? '',
        email,
        temporaryPassword: user.Password,
        createdAt: String(user.UserCreateDate ?? ''),
      },
    ];
  });
}

/**
 * The temporary password cognito-local generated and "delivered" for `email`,
 * while the user is still FORCE_CHANGE_PASSWORD; undefined otherwise.
 *
 * Read from its user database rather than its console delivery: the delivery
 * line reaches the log only when a later request flushes the logger, while
 * the database file is written before AdminCreateUser answers.
 */
export function cognitoTemporaryPassword(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
  email: string,
): string | undefined {
  const wanted = email.trim().toLowerCase();
  return cognitoUsersAwaitingPassword(info).find((user) => user.email === wanted)?.temporaryPassword;
}

/** Users cognito-local holds a reset code for (ForgotPassword on a confirmed user), with the code. */
export function cognitoResetCodes(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
): Array<{ username: string; email: string; code: string }> {
  return pendingCodes(info, 'CONFIRMED');
}

/** Users cognito-local holds a sign-up confirmation code for (UNCONFIRMED), with the code. */
export function cognitoSignUpCodes(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
): Array<{ username: string; email: string; code: string }> {
  return pendingCodes(info, 'UNCONFIRMED');
}

function pendingCodes(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>,
  status: 'CONFIRMED' | 'UNCONFIRMED',
): Array<{ username: string; email: string; code: string }> {
  let db: { Users?: Record<string, CognitoLocalUser> };
  try {
    db = JSON.parse(readFileSync(path.join(info.cognitoDbDir, `${info.userPoolId}.json`), 'utf8'));
  } catch {
    return [];
  }
  return Object.values(db.Users ?? {}).flatMap((user) => {
    const email = user.Attributes?.find((a) => a.Name === 'email')?.Value?.toLowerCase();
    if (user.UserStatus !== status || !email || !user.ConfirmationCode) return [];
    return [{ username: user.Username ?? '', email, code: user.ConfirmationCode }];
  });
}

/** What the CustomMessage trigger answered cognito-local, per the Lambda endpoint's log (placeholders only). */
export interface CustomMessageRecord {
  at: string;
  triggerSource: string;
  email?: string;
  /** `ClientMetadata.invitation` of AdminCreateUser (`admin` or `applicant`). */
  invitation?: string;
  emailSubject?: string | null;
  emailMessage?: string | null;
}

/** One line of the Lambda endpoint's log: which trigger function ran, for what, and whether it answered. */
export interface LambdaInvocation extends CustomMessageRecord {
  function: string;
  ok: boolean;
  error?: string;
}

/** Every trigger invocation cognito-local made on the Lambda endpoint, oldest first. */
export function lambdaInvocations(info: Pick<EmulatorInfo, 'lambdaLog'>): LambdaInvocation[] {
  let text = '';
  try {
    text = readFileSync(info.lambdaLog, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LambdaInvocation);
}

export function customMessagesOf(info: Pick<EmulatorInfo, 'lambdaLog'>): CustomMessageRecord[] {
  return lambdaInvocations(info).filter((r) => r.ok && String(r.triggerSource).startsWith('CustomMessage_'));
}

/**
 * cognito-local sends no email: its pending temporary passwords, in the local
 * outbox's shape, worded as the CustomMessage trigger answered cognito-local
 * (or as the pool template, when the trigger did not brand it).
 */
export function emulatorOutbox(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId' | 'lambdaLog'>,
  to?: string,
): OutboxMessage[] {
  const wanted = to?.trim().toLowerCase();
  const branded = customMessagesOf(info).filter((r) => r.triggerSource === 'CustomMessage_AdminCreateUser');
  const codeMessages = (
    codes: Array<{ username: string; email: string; code: string }>,
    sources: string[],
    kind: 'RESET_CODE' | 'VERIFICATION_CODE',
  ): OutboxMessage[] => {
    const worded = customMessagesOf(info).filter((r) => sources.includes(r.triggerSource));
    return codes
      .filter((user) => wanted === undefined || user.email === wanted)
      .map((user) => {
        const custom = worded.filter((r) => r.email?.toLowerCase() === user.email).at(-1);
        const html = fillPlaceholders(custom?.emailMessage ?? POOL_TEMPLATES.verification.body, {
          code: user.code,
          username: user.username,
        });
        return {
          to: user.email,
          subject: custom?.emailSubject ?? POOL_TEMPLATES.verification.subject,
          text: plainText(html),
          html,
          kind,
          secret: user.code,
          sentAt: custom?.at ?? '',
        };
      });
  };
  const resetMessages = codeMessages(cognitoResetCodes(info), ['CustomMessage_ForgotPassword'], 'RESET_CODE');
  const signUpMessages = codeMessages(
    cognitoSignUpCodes(info),
    ['CustomMessage_SignUp', 'CustomMessage_ResendCode'],
    'VERIFICATION_CODE',
  );
  const invitations: OutboxMessage[] = cognitoUsersAwaitingPassword(info)
    .filter((user) => wanted === undefined || user.email === wanted)
    .map((user) => {
      const custom = branded.filter((r) => r.email?.toLowerCase() === user.email).at(-1);
      const values = { code: user.temporaryPassword, username: user.username };
      const html = fillPlaceholders(custom?.emailMessage ?? POOL_TEMPLATES.invitation.body, values);
      return {
        to: user.email,
        subject: custom?.emailSubject ?? POOL_TEMPLATES.invitation.subject,
        text: plainText(html),
        html,
        kind: custom?.invitation === 'admin' ? 'ADMIN_INVITE' : 'TEMPORARY_PASSWORD',
        secret: user.temporaryPassword,
        sentAt: user.createdAt,
      };
    });
  return [...invitations, ...signUpMessages, ...resetMessages];
}
