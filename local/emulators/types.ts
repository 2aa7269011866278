import type { TableKey } from '../../lambdas/core/tables';
import type { CognitoEmulatorPool } from './moto';

export const EMULATOR_REGION = 'us-east-1';
export const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The Cognito emulators the local API can run on. */
export type CognitoEmulator = 'cognito-local' | 'moto';

/** Everything a process needs to talk to the running emulators. */
export interface EmulatorInfo {
  /** The Cognito the fields below describe (and the API talks to). */
  cognito: CognitoEmulator;
  /** moto's Cognito beside cognito-local (the integration tests' second Cognito). */
  moto?: CognitoEmulatorPool;
  region: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  jwksUri: string;
  /** cognito-local's log (its "Confirmation Code Delivery" lines land there, late). */
  cognitoLog: string;
  /** cognito-local's database: one JSON file per pool, written before each call answers (not on moto). */
  cognitoDbDir?: string;
  dynamodbEndpoint: string;
  tables: Record<TableKey, string>;
  /** The loopback Lambda Invoke endpoint that serves the trigger registry to cognito-local. */
  lambdaEndpoint?: string;
  /** One JSON line per trigger invocation (trigger, source, user, the trigger's answer; no event). */
  lambdaLog?: string;
  /** Every shared secret as plain text, by its environment variable (the API's and the triggers'). */
  secrets: Record<string, string>;
  /** The legacy PostgreSQL the UserMigration trigger reads (absent when PostgreSQL is not installed). */
  legacyDatabaseUrl?: string;
  pids: number[];
  workDir: string;
}

export interface RunningEmulators extends EmulatorInfo {
  stop(): Promise<void>;
}
