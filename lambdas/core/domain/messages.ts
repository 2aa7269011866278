import { TEMPORARY_PASSWORD_VALIDITY_DAYS } from './pool-policy';

/**
 * The emails Cognito sends for the pool. Cognito fills two placeholders:
 * `{####}` (the code or temporary password) and `{username}`. The pool's own
 * templates (used when no CustomMessage trigger answers) and the branded
 * messages the CustomMessage trigger returns both live here, so the stack,
 * the trigger and the in-memory Cognito cannot drift apart.
 */

export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';

/** The product name in branded emails. */
export const BRAND = 'Cognito account backend';

/** The pool's default templates (the stack's `userInvitation` and `userVerification`). */
export const POOL_TEMPLATES = {
  invitation: {
    subject: 'Your temporary password',
    body: `Your username is ${USERNAME_PARAMETER} and your temporary password is ${CODE_PARAMETER}. It is valid for ${TEMPORARY_PASSWORD_VALIDITY_DAYS} days.`,
  },
  verification: {
    subject: 'Your verification code',
    body: `Your verification code is ${CODE_PARAMETER}.`,
  },
} as const;

/** What a CustomMessage event is about: the part of `triggerSource` after `CustomMessage_`. */
export type MessageSource =
  | 'AdminCreateUser'
  | 'SignUp'
  | 'ResendCode'
  | 'ForgotPassword'
  | 'UpdateUserAttribute'
  | 'VerifyUserAttribute'
  | 'Authentication';

export interface EmailMessage {
  subject: string;
  /** HTML, still holding Cognito's placeholders. */
  html: string;
}

/** What the branded messages may use: the source, the invitation kind, the user's email and name. */
export interface MessageContext {
  source: MessageSource;
  /** `ClientMetadata.invitation` of AdminCreateUser: `admin` or `applicant`. */
  invitation?: string;
  email?: string;
  name?: string;
}

const wrap = (title: string, lines: string[]) =>
  `<h1>${title}</h1>${lines.map((l) => `<p>${l}</p>`).join('')}<p>— ${BRAND}</p>`;

/**
 * The branded email for a message. It always keeps `{####}` (and, for an
 * invitation, `{username}`): Cognito refuses a custom message without them.
 * Returns undefined for messages this product does not brand.
 */
export function brandedMessage(context: MessageContext): EmailMessage | undefined {
  const hello = context.name ? `Hello ${escapeHtml(context.name)},` : 'Hello,';
  const code = `<strong>${CODE_PARAMETER}</strong>`;
  // With email as the sign-in alias, Cognito fills {username} with the user's UUID, not the
  // address they type; the invitation names the address and keeps {username} as a reference.
  const signInAs = context.email ? escapeHtml(context.email) : 'your email address';
  const reference = `Account reference: ${USERNAME_PARAMETER}.`;
  switch (context.source) {
    case 'AdminCreateUser':
      return context.invitation === 'admin'
        ? {
            subject: `${BRAND}: your administrator invitation`,
            html: wrap('You are invited as an administrator', [
              hello,
              `Sign in as ${signInAs} with the temporary password ${code}; you will choose your own password.`,
              `The temporary password is valid for ${TEMPORARY_PASSWORD_VALIDITY_DAYS} days. ${reference}`,
            ]),
          }
        : {
            subject: `${BRAND}: your account is ready`,
            html: wrap('Your application was received', [
              hello,
              `Sign in as ${signInAs} with the temporary password ${code}; you will choose your own password.`,
              `The temporary password is valid for ${TEMPORARY_PASSWORD_VALIDITY_DAYS} days. ${reference}`,
            ]),
          };
    case 'SignUp':
    case 'ResendCode':
    case 'VerifyUserAttribute':
    case 'UpdateUserAttribute':
      return {
        subject: `${BRAND}: confirm your email address`,
        html: wrap('Confirm your email address', [hello, `Your verification code is ${code}.`]),
      };
    case 'ForgotPassword':
      return {
        subject: `${BRAND}: reset your password`,
        html: wrap('Reset your password', [
          hello,
          `Your password reset code is ${code}. If you did not ask for it, ignore this email.`,
        ]),
      };
    default:
      return undefined;
  }
}

/** Whether a custom message keeps the placeholders Cognito requires for its source. */
export function hasRequiredPlaceholders(source: MessageSource, html: string): boolean {
  if (!html.includes(CODE_PARAMETER)) return false;
  return source !== 'AdminCreateUser' || html.includes(USERNAME_PARAMETER);
}

/** The message as delivered: placeholders filled in. */
export function fillPlaceholders(text: string, values: { code: string; username: string }): string {
  return text.split(CODE_PARAMETER).join(values.code).split(USERNAME_PARAMETER).join(values.username);
}

/** A plain-text rendering of a message's HTML. */
export function plainText(html: string): string {
  return html
    .replace(/<\/(p|h1)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
