import { COGNITO_LOCAL_GAPS, type CognitoLocalGap } from '../local/emulators/gaps';
import { docSection, writeDocSection } from './bench-doc';

/** One route (and case) walked on the emulators: its counted AWS calls, or the gap that stopped it. */
export type RoundTripRow = {
  route: string;
  variant: string;
} & (
  | { gap: CognitoLocalGap }
  | {
      calls: number;
      depth: number;
      steps: string[];
      operations: Array<{ service: string; operation: string }>;
    }
);

/**
 * Cognito's request-rate quota category of each user pool API the project
 * calls. The quotas guide names the members of UserCreation (SignUp,
 * ConfirmSignUp, AdminCreateUser, AdminConfirmSignUp) and UserAuthentication
 * (InitiateAuth, RespondToAuthChallenge and their Admin forms); the others are
 * placed by the guide's category descriptions (a user read, a user or attribute
 * update, a password change or recovery, a group change, a token operation).
 */
export const COGNITO_QUOTA_CATEGORY: Record<string, string> = {
  AdminCreateUser: 'UserCreation',
  SignUp: 'UserCreation',
  ConfirmSignUp: 'UserCreation',
  InitiateAuth: 'UserAuthentication',
  RespondToAuthChallenge: 'UserAuthentication',
  ForgotPassword: 'UserAccountRecovery',
  ConfirmForgotPassword: 'UserAccountRecovery',
  AdminResetUserPassword: 'UserAccountRecovery',
  AdminSetUserPassword: 'UserAccountRecovery',
  GetUser: 'UserRead',
  AdminGetUser: 'UserRead',
  AdminUpdateUserAttributes: 'UserUpdate',
  AdminDisableUser: 'UserUpdate',
  AdminEnableUser: 'UserUpdate',
  AdminDeleteUser: 'UserUpdate',
  AdminSetUserMFAPreference: 'UserUpdate',
  SetUserMFAPreference: 'UserUpdate',
  AssociateSoftwareToken: 'UserUpdate',
  VerifySoftwareToken: 'UserUpdate',
  ResendConfirmationCode: 'UserUpdate',
  GlobalSignOut: 'UserUpdate',
  AdminUserGlobalSignOut: 'UserUpdate',
  AdminListGroupsForUser: 'UserResourceRead',
  AdminAddUserToGroup: 'UserResourceUpdate',
  AdminRemoveUserFromGroup: 'UserResourceUpdate',
  ListUsers: 'UserList',
  DescribeUserPool: 'UserPoolRead',
  DescribeUserPoolClient: 'UserPoolClientRead',
  GetTokensFromRefreshToken: 'UserToken',
};

const label = (row: RoundTripRow) => `\`${row.route}\`${row.variant ? ` (${row.variant})` : ''}`;
const gapCell = (gap: CognitoLocalGap) => `not counted: ${COGNITO_LOCAL_GAPS[gap]}`;

function benchmarksSection(rows: readonly RoundTripRow[]): string {
  const lines = rows.map((row) =>
    'gap' in row
      ? `| ${label(row)} | — | — | ${gapCell(row.gap)} |`
      : `| ${label(row)} | ${row.calls} | ${row.depth} | ${row.steps.join(' → ') || 'none'} |`,
  );
  return [
    '## Round trips',
    '',
    'AWS calls each route makes in a warm container (secrets and signing keys already cached), counted by',
    '`test/integration/round-trips.test.ts`: it walks every route over HTTP on the real adapters against',
    'cognito-local and DynamoDB Local, recording each SDK call, and fails when this table differs',
    '(`npm run docs:round-trips` rewrites it). *Depth* is the longest chain of calls each waiting for the',
    'one before: what a caller waits for in sequence. Calls in flight together are joined by ∥. Cognito',
    'triggers run in their own functions and are not counted here; a cold container adds one Secrets',
    "Manager `GetSecretValue` per secret the route reads. Cognito's quota category of each call is in",
    'docs/operations.md ("Cognito quotas per route"). A route cognito-local cannot serve is not counted: its row',
    'names the gap, and the walk checks it answers `501 NOT_SUPPORTED_BY_EMULATOR` there.',
    '',
    '| route | calls | depth | calls in order |',
    '|---|---|---|---|',
    ...lines,
    '',
  ].join('\n');
}

function operationsSection(rows: readonly RoundTripRow[]): string {
  const lines = rows.map((row) => {
    if ('gap' in row) return `| ${label(row)} | ${gapCell(row.gap)} |`;
    const counts = new Map<string, number>();
    for (const call of row.operations.filter((c) => c.service === 'Cognito'))
      counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
    const cell = [...counts]
      .map(([op, n]) => `${op} ×${n} (${COGNITO_QUOTA_CATEGORY[op] ?? 'unknown category'})`)
      .join(', ');
    return `| ${label(row)} | ${cell || 'none'} |`;
  });
  return [
    '## Cognito quotas per route',
    '',
    'Cognito limits each category of its API per account and Region (requests per second, shared by every',
    'user pool there); a call over the limit is retried by the SDK (adaptive mode) and then answered',
    '`429 TOO_MANY_REQUESTS` with `Retry-After: 1`. The calls below are counted by',
    '`test/integration/round-trips.test.ts` (see "Round trips" in docs/benchmarks.md); the category of each',
    "is the quotas guide's: it names the members of UserCreation and UserAuthentication, and the others are",
    'placed by its category descriptions (`scripts/round-trips-doc.ts`) — before sizing a quota increase,',
    "check the operation's category in the Service Quotas console, whose `CallCount` metrics are per category.",
    'Sign-in pays UserAuthentication once for `InitiateAuth` and once per answered challenge',
    '(`RespondToAuthChallenge` has its own allowance of three per sign-in before it counts against the category).',
    '',
    '| route | Cognito calls (quota category) |',
    '|---|---|',
    ...lines,
    '',
  ].join('\n');
}

/**
 * The two tables these rows make, each beside the section its doc holds now;
 * with `WRITE_ROUND_TRIPS=1` (`npm run docs:round-trips`) the docs are rewritten first.
 */
export function roundTripSections(rows: readonly RoundTripRow[]) {
  const sections = [
    {
      file: 'docs/benchmarks.md',
      heading: 'Round trips',
      text: benchmarksSection(rows),
      before: 'Local API',
    },
    {
      file: 'docs/operations.md',
      heading: 'Cognito quotas per route',
      text: operationsSection(rows),
      before: '',
    },
  ];
  return sections.map(({ file, heading, text, before }) => {
    if (process.env.WRITE_ROUND_TRIPS === '1' && docSection(file, heading).trimEnd() !== text.trimEnd())
      writeDocSection(file, heading, text, before);
    return { file, expected: text.trimEnd(), actual: docSection(file, heading).trimEnd() };
  });
}
