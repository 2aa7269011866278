import * as z from 'zod/mini';
import { USER_STATUSES } from './core/domain/onboarding';
import { count, instant, named } from './responses-named';

/** The admin pool page's response schemas (GET /admin/cognito, POST /admin/cognito/probe); lambdas/responses.ts. */
export const PoolSnapshotSchema = z.strictObject({
  userPoolId: z.string(),
  mfa: z.enum(['OFF', 'ON', 'OPTIONAL']),
  passwordPolicy: z.strictObject({
    minLength: count(),
    requireUppercase: z.boolean(),
    requireLowercase: z.boolean(),
    requireDigits: z.boolean(),
    requireSymbols: z.boolean(),
    temporaryPasswordValidityDays: count(),
  }),
  signInAttributes: z.array(z.string()),
  deletionProtection: z.boolean(),
  featurePlan: z.string(),
  estimatedUsers: count(),
});
export const ClientSnapshotSchema = z.strictObject({
  clientId: z.string(),
  authFlows: z.array(z.string()),
  tokenValidity: z.strictObject({ accessToken: z.string(), idToken: z.string(), refreshToken: z.string() }),
  tokenRevocation: z.boolean(),
  preventUserExistenceErrors: z.boolean(),
});
export const PoolStatus = named(
  'PoolStatus',
  z.strictObject({
    configuration: z.array(z.strictObject({ name: z.string(), set: z.boolean() })),
    pool: PoolSnapshotSchema,
    client: ClientSnapshotSchema,
    recentUsers: z.array(
      z.strictObject({
        userId: z.string(),
        email: z.string(),
        status: z.enum(USER_STATUSES),
        createdAt: instant(),
      }),
    ),
    sync: z.strictObject({
      usersTable: count(),
      cognitoEstimate: count(),
      difference: count(),
      estimated: z.literal(true),
    }),
  }),
);
export const ProbeResult = named(
  'ProbeResult',
  z.union([
    z.strictObject({ ok: z.literal(true), latencyMs: count(), userPoolId: z.string() }),
    z.strictObject({ ok: z.literal(false), reason: z.string() }),
  ]),
);
