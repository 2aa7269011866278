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

type DbInfo = Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId'>;

/** A user of cognito-local's database, with what the outbox needs of it. */
interface PoolUser {
  username: string;
  email: string;
  status: string;
  password?: string;
  code?: string;
  createdAt: string;
}

/** Every user of the pool, read once from cognito-local's database (written before each call answers). */
function poolUsers(info: DbInfo): PoolUser[] {
  let db: { Users?: Record<string, CognitoLocalUser> };
  if (!info.cognitoDbDir) return []; // moto keeps its users in memory
  try {
    db = JSON.parse(readFileSync(path.join(info.cognitoDbDir, `${info.userPoolId}.json`), 'utf8'));
  } catch {
    return []; // being rewritten right now; callers poll
  }
  return Object.values(db.Users ?? {}).flatMap((user) => {
    const email = user.Attributes?.find((a) => a.Name === 'email')?.Value?.toLowerCase();
    if (!email) return [];
    return [
      {
        username: user.Username ?? '',
        email,
        status: user.UserStatus ?? '',
        ...(user.Password ? { password: user.Password } : {}),
        ...(user.ConfirmationCode ? { code: user.ConfirmationCode } : {}),
        createdAt: String(user.UserCreateDate ?? ''),
      },
    ];
  });
}

/** Users cognito-local holds in FORCE_CHANGE_PASSWORD, with the temporary password it generated. */
export function cognitoUsersAwaitingPassword(
  info: DbInfo,
): Array<{ username: string; email: string; temporaryPassword: string; createdAt: string }> {
  return awaitingPassword(poolUsers(info));
}

function awaitingPassword(users: PoolUser[]) {
  return users.flatMap((u) =>
    u.status === 'FORCE_CHANGE_PASSWORD' && u.password
      ? [{ username: u.username, email: u.email, temporaryPassword: u.password, createdAt: u.createdAt }]
      : [],
  );
}

/**
 * The temporary password cognito-local generated and "delivered" for `email`,
 * while the user is still FORCE_CHANGE_PASSWORD; undefined otherwise.
 *
 * Read from its user database rather than its console delivery: the delivery
 * line reaches the log only when a later request flushes the logger, while
 * the database file is written before AdminCreateUser answers.
 */
export function cognitoTemporaryPassword(info: DbInfo, email: string): string | undefined {
  const wanted = email.trim().toLowerCase();
  return cognitoUsersAwaitingPassword(info).find((user) => user.email === wanted)?.temporaryPassword;
}

/** Users cognito-local holds a reset code for (ForgotPassword on a confirmed user), with the code. */
export function cognitoResetCodes(info: DbInfo): Array<{ username: string; email: string; code: string }> {
  return codesOf(poolUsers(info), 'CONFIRMED');
}

/** Users cognito-local holds a sign-up confirmation code for (UNCONFIRMED), with the code. */
export function cognitoSignUpCodes(info: DbInfo): Array<{ username: string; email: string; code: string }> {
  return codesOf(poolUsers(info), 'UNCONFIRMED');
}

/** Reset codes are held for CONFIRMED users, and for RESET_REQUIRED ones (a migrated user's first reset). */
function codesOf(users: PoolUser[], status: 'CONFIRMED' | 'UNCONFIRMED') {
  const statuses = status === 'CONFIRMED' ? ['CONFIRMED', 'RESET_REQUIRED'] : [status];
  return users.flatMap((u) =>
    statuses.includes(u.status) && u.code ? [{ username: u.username, email: u.email, code: u.code }] : [],
  );
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
  /** The event's `userName` (for UserMigration: the email the user signed in with). */
  userName?: string;
  ok: boolean;
  error?: string;
}

/** Every trigger invocation cognito-local made on the Lambda endpoint, oldest first. */
export function lambdaInvocations(info: Pick<EmulatorInfo, 'lambdaLog'>): LambdaInvocation[] {
  let text = '';
  if (!info.lambdaLog) return []; // no trigger endpoint (moto calls no triggers)
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
 * cognito-local sends no email: its pending temporary passwords, sign-up and
 * reset codes, in the local outbox's shape, worded as the CustomMessage
 * trigger answered cognito-local (or as the pool template, when the trigger
 * did not brand it). The database and the Lambda log are read once per call.
 */
export function emulatorOutbox(
  info: Pick<EmulatorInfo, 'cognitoDbDir' | 'userPoolId' | 'lambdaLog'>,
  to?: string,
): OutboxMessage[] {
  const wanted = to?.trim().toLowerCase();
  const users = poolUsers(info).filter((user) => wanted === undefined || user.email === wanted);
  const worded = customMessagesOf(info);
  const message = (
    user: { username: string; email: string },
    secret: string,
    sources: string[],
    template: { subject: string; body: string },
    kind: (custom: CustomMessageRecord | undefined) => OutboxMessage['kind'],
    sentAt: (custom: CustomMessageRecord | undefined) => string,
  ): OutboxMessage => {
    const custom = worded
      .filter((r) => sources.includes(r.triggerSource) && r.email?.toLowerCase() === user.email)
      .at(-1);
    const html = fillPlaceholders(custom?.emailMessage ?? template.body, {
      code: secret,
      username: user.username,
    });
    return {
      to: user.email,
      subject: custom?.emailSubject ?? template.subject,
      text: plainText(html),
      html,
      kind: kind(custom),
      secret,
      sentAt: sentAt(custom),
    };
  };
  const codeSentAt = (custom: CustomMessageRecord | undefined) => custom?.at ?? '';
  return [
    ...awaitingPassword(users).map((u) =>
      message(
        u,
        u.temporaryPassword,
        ['CustomMessage_AdminCreateUser'],
        POOL_TEMPLATES.invitation,
        (custom) => (custom?.invitation === 'admin' ? 'ADMIN_INVITE' : 'TEMPORARY_PASSWORD'),
        () => u.createdAt,
      ),
    ),
    ...codesOf(users, 'UNCONFIRMED').map((u) =>
      message(
        u,
        u.code,
        ['CustomMessage_SignUp', 'CustomMessage_ResendCode'],
        POOL_TEMPLATES.verification,
        () => 'VERIFICATION_CODE',
        codeSentAt,
      ),
    ),
    ...codesOf(users, 'CONFIRMED').map((u) =>
      message(
        u,
        u.code,
        ['CustomMessage_ForgotPassword'],
        POOL_TEMPLATES.verification,
        () => 'RESET_CODE',
        codeSentAt,
      ),
    ),
  ];
}
