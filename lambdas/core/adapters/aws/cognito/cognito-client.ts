import {
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Command } from '@smithy/types';
import { sdkClientConfig } from '../sdk-config';
import { type CognitoCall, mapCognitoError } from './cognito-errors';

let shared: CognitoIdentityProviderClient | undefined;

/**
 * One Cognito client per container, shared by the sign-in and user-directory
 * adapters: credentials are resolved once and one connection pool is reused.
 */
export function sharedCognitoClient(): CognitoIdentityProviderClient {
  shared ??= new CognitoIdentityProviderClient(sdkClientConfig());
  return shared;
}

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

  constructor(
    readonly userPoolId: string,
    readonly clientId: string,
    /** Injectable for tests; defaults to the shared client for the ambient region and endpoint. */
    client?: CognitoIdentityProviderClient,
  ) {
    this.client = client ?? sharedCognitoClient();
  }

  async send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    command: CognitoCommand<I, O>,
    call: CognitoCall,
  ): Promise<O> {
    try {
      return await this.client.send(command);
    } catch (error) {
      throw mapCognitoError(error, call);
    }
  }
}
