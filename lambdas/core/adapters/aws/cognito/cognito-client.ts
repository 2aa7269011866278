import { createHmac } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Command } from '@smithy/types';
import { callerContext } from '../../../caller-context';
import { TRIGGER_CALL_TIMEOUTS } from '../../../timeouts';
import { sdkClientConfig } from '../sdk-config';
import { type CognitoCall, mapCognitoError } from './cognito-errors';

let shared: CognitoIdentityProviderClient | undefined;
let sharedForTriggers: CognitoIdentityProviderClient | undefined;

/**
 * One Cognito client per container, shared by the sign-in and user-directory
 * adapters: credentials are resolved once and one connection pool is reused.
 */
export function sharedCognitoClient(): CognitoIdentityProviderClient {
  // Cognito's request-rate quotas throttle per category: adaptive retries slow this container
  // down instead of hammering the quota (within the 2 attempts of sdkClientConfig).
  shared ??= new CognitoIdentityProviderClient({ ...sdkClientConfig(), retryMode: 'adaptive' });
  return shared;
}

/**
 * The client for the calls that run Lambda triggers (TRIGGER_CALL_TIMEOUTS):
 * a longer wait, and never a retry that would run the triggers twice.
 */
export function sharedTriggerCognitoClient(): CognitoIdentityProviderClient {
  sharedForTriggers ??= new CognitoIdentityProviderClient(sdkClientConfig(TRIGGER_CALL_TIMEOUTS));
  return sharedForTriggers;
}

/**
 * `send`'s options: `runsTriggers`, a call that runs Lambda triggers; `seesCaller`,
 * an unauthenticated call that takes `UserContextData` (InitiateAuth,
 * RespondToAuthChallenge, SignUp, ConfirmSignUp, ResendConfirmationCode,
 * ForgotPassword, ConfirmForgotPassword), so threat protection scores the
 * caller, not the function (core/caller-context.ts).
 */
export interface SendOptions {
  runsTriggers?: boolean;
  seesCaller?: boolean;
}
export const SEES_CALLER: SendOptions = { seesCaller: true };
export const RUNS_TRIGGERS: SendOptions = { runsTriggers: true, seesCaller: true };

/** A command of the Cognito user pool API. */
export type CognitoCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = Command<
  ServiceInputTypes,
  I,
  ServiceOutputTypes,
  O,
  CognitoIdentityProviderClientResolvedConfig
>;

/**
 * The user pool the adapters talk to, and the one place where Cognito's
 * exceptions become domain errors (`call` says what an error means there).
 */
export class CognitoPool {
  readonly client: CognitoIdentityProviderClient;
  readonly triggerClient: CognitoIdentityProviderClient;

  constructor(
    readonly userPoolId: string,
    readonly clientId: string,
    /** Injectable for tests; defaults to the shared client for the ambient region and endpoint. */
    client?: CognitoIdentityProviderClient,
    /** The app client's secret, when it has one (a confidential client: docs/security.md). */
    private readonly clientSecret: () => Promise<string | undefined> = async () => undefined,
    /** Injectable for tests; defaults to the shared client of the calls that run triggers. */
    triggerClient?: CognitoIdentityProviderClient,
  ) {
    this.client = client ?? sharedCognitoClient();
    this.triggerClient = triggerClient ?? client ?? sharedTriggerCognitoClient();
  }

  /**
   * The SECRET_HASH of `username` for this app client — Base64(HMAC-SHA256(client
   * secret, username + client id)) — or undefined for a client without a secret.
   */
  async secretHash(username: string): Promise<string | undefined> {
    const secret = await this.clientSecret();
    return secret
      ? createHmac('sha256', secret).update(`${username}${this.clientId}`).digest('base64')
      : undefined;
  }

  /** `{ SECRET_HASH }` for AuthParameters / ChallengeResponses, or nothing. */
  async secretHashParameter(username: string): Promise<{ SECRET_HASH?: string }> {
    const hash = await this.secretHash(username);
    return hash ? { SECRET_HASH: hash } : {};
  }

  /** `{ SecretHash }` for SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword. */
  async secretHashField(username: string): Promise<{ SecretHash?: string }> {
    const hash = await this.secretHash(username);
    return hash ? { SecretHash: hash } : {};
  }

  /** `{ ClientSecret }` for GetTokensFromRefreshToken and RevokeToken, or nothing. */
  async clientSecretField(): Promise<{ ClientSecret?: string }> {
    const secret = await this.clientSecret();
    return secret ? { ClientSecret: secret } : {};
  }

  async send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    command: CognitoCommand<I, O>,
    call: CognitoCall,
    options: SendOptions = {},
  ): Promise<O> {
    if (options.seesCaller) withUserContext(command.input as { UserContextData?: unknown });
    try {
      return await (options.runsTriggers ? this.triggerClient : this.client).send(command);
    } catch (error) {
      throw mapCognitoError(error, call);
    }
  }
}

/** The caller's IP and encoded device data as Cognito's `UserContextData`, when the request has them. */
function withUserContext(input: { UserContextData?: unknown }): void {
  const { ipAddress, encodedData } = callerContext();
  if (!ipAddress && !encodedData) return;
  input.UserContextData = {
    ...(ipAddress ? { IpAddress: ipAddress } : {}),
    ...(encodedData ? { EncodedData: encodedData } : {}),
  };
}
