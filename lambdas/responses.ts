import * as z from 'zod/mini';
import { USER_STATUSES } from './core/domain/onboarding';
import type { Challenge as ChallengeType, Tokens as TokensType } from './core/domain/tokens';
import type { Profile as ProfileType, User as UserType } from './core/domain/user';
import type { Passkey as PasskeyType } from './core/ports/passkeys';
import type { ClientSnapshot, PoolSnapshot } from './core/ports/pool-inspector';
import type { AdminPasskeyView } from './core/workflows/admin-users/list-user-passkeys';
import type { AdminInfo as AdminInfoType } from './core/workflows/admins/provision-new-admin';
import type { Registered as RegisteredType } from './core/workflows/auth/register';
import type { OPERATIONS, OperationName } from './operations';
import { count, instant, named } from './responses-named';
import {
  type ClientSnapshotSchema,
  type PoolSnapshotSchema,
  PoolStatus,
  ProbeResult,
} from './responses-pool';

export { RESPONSE_SCHEMAS } from './responses-named';

/**
 * The success bodies of every route, as schemas: the OpenAPI document's
 * response schemas (local/openapi.ts), the generated client's types
 * (client/api.d.ts) and the response validation of the tests read them from
 * here. Kept beside the registry and keyed by it (the compiler asks for
 * exactly each row's success statuses), not in it: handlers import their
 * area's rows, and these schemas are documentation, not runtime — no bundle
 * carries them (test/unit/layering.test.ts). Objects are strict:
 * a field the API does not document (an internal attribute) is a violation.
 */
export const Tokens = named(
  'Tokens',
  z.strictObject({
    idToken: z.string(),
    accessToken: z.string(),
    refreshToken: z.optional(z.string()),
    expiresIn: count(),
    tokenType: z.literal('Bearer'),
  }),
);

export const Challenge = named(
  'Challenge',
  z.strictObject({
    name: z.enum([
      'NEW_PASSWORD_REQUIRED',
      'SOFTWARE_TOKEN_MFA',
      'SMS_MFA',
      'MFA_SETUP',
      'EMAIL_OTP',
      'SELECT_CHALLENGE',
      'PASSWORD',
      'WEB_AUTHN',
    ]),
    session: z.string(),
    secretCode: z.optional(z.string()),
    otpauthUri: z.optional(z.string()),
    attemptsRemaining: z.optional(count()),
    availableChallenges: z.optional(z.array(z.enum(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']))),
    /** WebAuthn's PublicKeyCredentialRequestOptionsJSON. */
    credentialRequestOptions: z.optional(z.record(z.string(), z.unknown())),
  }),
);

const TokensAnswer = named('TokensAnswer', z.strictObject({ tokens: Tokens }));
const ChallengeAnswer = named('ChallengeAnswer', z.strictObject({ challenge: Challenge }));
export const AuthOutcome = named('AuthOutcome', z.union([TokensAnswer, ChallengeAnswer]));

const Message = named('Message', z.strictObject({ message: z.string() }));

const MfaMethod = z.enum(['SOFTWARE_TOKEN_MFA', 'SMS_MFA']);
const userFields = {
  userId: z.string(),
  email: z.string(),
  status: z.enum(USER_STATUSES),
  role: z.enum(['user', 'admin']),
  name: z.optional(z.string()),
  organizationId: z.optional(z.string()),
  username: z.optional(z.string()),
  legacyId: z.optional(z.string()),
  emailVerified: z.boolean(),
  mfa: z.strictObject({
    enabled: z.boolean(),
    required: z.boolean(),
    method: z.optional(z.enum(['totp', 'sms'])),
  }),
  createdAt: instant(),
  updatedAt: instant(),
  cognitoStatus: z.optional(
    z.enum([
      'UNCONFIRMED',
      'CONFIRMED',
      'FORCE_CHANGE_PASSWORD',
      'RESET_REQUIRED',
      'EXTERNAL_PROVIDER',
      'ARCHIVED',
      'COMPROMISED',
      'UNKNOWN',
    ]),
  ),
  enabled: z.optional(z.boolean()),
  cognitoMfa: z.optional(z.strictObject({ methods: z.array(MfaMethod), preferred: z.optional(MfaMethod) })),
};
export const User = named('User', z.strictObject(userFields));
export const Profile = named('Profile', z.strictObject({ ...userFields, groups: z.array(z.string()) }));
const UserPage = named(
  'UserPage',
  z.strictObject({ users: z.array(User), nextCursor: z.optional(z.string()) }),
);

export const AdminInfo = named(
  'AdminInfo',
  z.strictObject({
    userId: z.string(),
    createdBy: z.string(),
    createdAt: instant(),
    invitedAt: z.optional(instant()),
  }),
);
const ProvisionedAdmin = named('ProvisionedAdmin', z.strictObject({ user: User, adminInfo: AdminInfo }));

export const Registered = named(
  'Registered',
  z.strictObject({
    userConfirmed: z.literal(false),
    delivery: z.strictObject({ medium: z.literal('EMAIL'), destination: z.string() }),
  }),
);

const AdminPasskey = named(
  'AdminPasskey',
  z.strictObject({ credentialId: z.string(), createdAt: instant(), removedAt: z.optional(instant()) }),
);

const TotpSecret = named('TotpSecret', z.strictObject({ secretCode: z.string(), otpauthUri: z.string() }));

const Passkey = named(
  'Passkey',
  z.strictObject({
    credentialId: z.string(),
    name: z.string(),
    relyingPartyId: z.string(),
    attachment: z.optional(z.string()),
    transports: z.array(z.string()),
    createdAt: instant(),
  }),
);
/** Each row's success statuses that carry a body (a 204 has none). */
type BodyStatuses<K extends OperationName> = Exclude<keyof (typeof OPERATIONS)[K]['success'], 204>;
type ResponseMap = { readonly [K in OperationName]: { readonly [S in BodyStatuses<K>]: z.ZodMiniType } };

/** The schema of each success body, by operation and status. */
export const RESPONSES = {
  createCognitoUser: {
    201: named('ApplicantCreated', z.strictObject({ created: z.literal(true), user: User })),
    200: named(
      'ApplicationReplayed',
      z.strictObject({ created: z.literal(false), user: z.strictObject({ userId: z.string() }) }),
    ),
  },
  handleNewPasswordChallenge: { 200: AuthOutcome },
  resendTemporaryPassword: { 202: Message },
  login: { 200: AuthOutcome },
  signIn: { 200: AuthOutcome },
  respondToChallenge: { 200: AuthOutcome },
  startPasswordless: { 200: ChallengeAnswer },
  verifyPasswordless: { 200: AuthOutcome },
  refreshTokens: { 200: TokensAnswer },
  register: { 201: Registered },
  confirmRegistration: {
    200: named(
      'RegistrationConfirmed',
      z.strictObject({ status: z.literal('pending_approval'), session: z.optional(z.string()) }),
    ),
  },
  resendRegistrationCode: { 202: Message },
  requestPasswordReset: { 202: Message },
  resetPassword: { 200: Message },
  signOut: { 202: Message },
  getProfile: { 200: Profile },
  chooseUsername: { 200: Profile },
  startTotpEnrollment: { 200: TotpSecret },
  verifyTotpEnrollment: { 200: Profile },
  startPasskeyRegistration: {
    200: named(
      'PasskeyCreationOptions',
      // WebAuthn's PublicKeyCredentialCreationOptionsJSON, as Cognito hands it out.
      z.strictObject({ options: z.record(z.string(), z.unknown()) }),
    ),
  },
  completePasskeyRegistration: {},
  listPasskeys: { 200: named('Passkeys', z.strictObject({ passkeys: z.array(Passkey) })) },
  deletePasskey: {},
  disableMfa: {},
  provisionNewAdmin: { 201: ProvisionedAdmin },
  resendAdminInvite: { 202: Message },
  listUsers: { 200: UserPage },
  getUser: { 200: User },
  userAction: { 200: User },
  setUserPassword: { 200: User },
  updateUserAttributes: { 200: User },
  setUserMfa: { 200: User },
  deleteUser: {},
  listUserPasskeys: { 200: named('AdminPasskeys', z.strictObject({ passkeys: z.array(AdminPasskey) })) },
  removeUserPasskey: {},
  poolStatus: { 200: PoolStatus },
  probeConnection: { 200: ProbeResult },
  billingWebhook: { 200: named('BillingReceived', z.strictObject({ received: z.literal(true) })) },
} as const satisfies ResponseMap;

// The schemas say what the code's own types say (checked by the compiler, both ways).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type ResponseTypesAgree = [
  Expect<Same<z.output<typeof Tokens>, TokensType>>,
  Expect<Same<z.output<typeof User>, UserType>>,
  Expect<Same<z.output<typeof Profile>, ProfileType>>,
  Expect<Same<z.output<typeof AdminInfo>, AdminInfoType>>,
  Expect<Same<z.output<typeof Registered>, RegisteredType>>,
  Expect<Same<z.output<typeof PoolSnapshotSchema>, PoolSnapshot>>,
  Expect<Same<z.output<typeof ClientSnapshotSchema>, ClientSnapshot>>,
  Expect<Same<z.output<typeof Passkey>, PasskeyType>>,
  Expect<Same<z.output<typeof AdminPasskey>, AdminPasskeyView>>,
  Expect<
    Same<
      z.output<typeof Challenge>,
      Omit<ChallengeType, 'name' | 'parameters'> & {
        name: Exclude<ChallengeType['name'], 'CUSTOM_CHALLENGE'>;
      }
    >
  >,
];
