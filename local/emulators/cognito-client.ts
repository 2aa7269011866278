import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CREDENTIALS, EMULATOR_REGION } from './types';

/** An SDK client of an emulator's Cognito API at `endpoint` (loopback, the emulators' region and dummy keys). */
export function emulatorCognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ region: EMULATOR_REGION, endpoint, credentials: CREDENTIALS });
}
