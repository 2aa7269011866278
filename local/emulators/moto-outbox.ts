import {
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { generateTemporaryPassword } from '../../lambdas/core/adapters/memory/cognito';
import type { OutboxMessage } from '../../lambdas/core/adapters/memory/outbox';
import { emulatorCognitoClient } from './cognito-client';
import type { EmulatorInfo } from './types';

/**
 * `GET /_local/outbox` on moto, which sends no email (MOTO_GAPS.deliversMessages):
 * for each user still in FORCE_CHANGE_PASSWORD it lists a temporary password that
 * this runner set with AdminSetUserPassword (Permanent=false), as an operator
 * would — once per user, then the same one. Codes are not listed: moto accepts
 * any ConfirmSignUp or ConfirmForgotPassword code (MOTO_GAPS.checksCodes).
 */
export function motoOutbox(info: Pick<EmulatorInfo, 'cognitoEndpoint' | 'userPoolId'>) {
  const idp = emulatorCognitoClient(info.cognitoEndpoint);
  const set = new Map<string, OutboxMessage>();
  return async (to?: string): Promise<OutboxMessage[]> => {
    const wanted = to?.trim().toLowerCase();
    const { Users = [] } = await idp.send(
      new ListUsersCommand({
        UserPoolId: info.userPoolId,
        // A ListUsers filter quotes its value: escape what would end the quote.
        ...(wanted ? { Filter: `email = "${wanted.replace(/["\\]/g, '\\$&')}"` } : {}),
      }),
    );
    for (const user of Users.filter((u) => u.UserStatus === 'FORCE_CHANGE_PASSWORD')) {
      const sub = attribute(user, 'sub') as string;
      if (!set.has(sub)) set.set(sub, await temporaryPassword(idp, info.userPoolId, user));
    }
    const subs = new Set(Users.map((u) => attribute(u, 'sub')));
    return [...set.entries()].filter(([sub]) => subs.has(sub)).map(([, message]) => message);
  };
}

async function temporaryPassword(
  idp: CognitoIdentityProviderClient,
  userPoolId: string,
  user: UserType,
): Promise<OutboxMessage> {
  const password = generateTemporaryPassword();
  await idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: user.Username,
      Password: password,
      Permanent: false,
    }),
  );
  const text = `moto sends no email: npm run start:emulators set this temporary password with AdminSetUserPassword (Permanent=false). Your temporary password is ${password}`;
  return {
    to: (attribute(user, 'email') ?? '').toLowerCase(),
    subject: 'Your temporary password (set by start:emulators on moto)',
    text,
    html: `<p>${text}</p>`,
    kind: 'TEMPORARY_PASSWORD',
    secret: password,
    sentAt: new Date().toISOString(),
  };
}

function attribute(user: UserType, name: string): string | undefined {
  return user.Attributes?.find((a) => a.Name === name)?.Value;
}
