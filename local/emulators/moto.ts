import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import * as path from 'node:path';
import {
  type CognitoIdentityProviderClient,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SECRETS } from '../../lambdas/core/secrets';
import { emulatorCognitoClient } from './cognito-client';
import { startDynamoDbLocalIn } from './dynamodb-local';
import { emulatorSecrets, processGroup } from './group';
import { createIdentityResources } from './identity-resources';
import { freePort, requireJava, waitFor, watched } from './processes';
import { only, type Resources, synthesizedTemplate } from './template';
import type { RunningEmulators } from './types';

/** A Cognito emulator's API and the pool made on it from the stack's template. */
export interface CognitoEmulatorPool {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  jwksUri: string;
  /** The same pool with MFA required (MfaConfiguration ON), for the contract suites' MFA_SETUP check. */
  requiringMfa?: { userPoolId: string; clientId: string; clientSecret?: string };
}

export const MOTO_MISSING =
  "moto's server was not found: the integration tests and `npm run start:emulators -- --cognito moto` need moto 5.2 " +
  "with its server in the Python on the PATH (pip install 'moto[server]==5.2.1'; the machine image has it).";

/** The Python that has moto's server (`python3 -m moto.server`), from the PATH; fails saying how to install it. */
export function motoPython(env: NodeJS.ProcessEnv = process.env): string {
  for (const python of ['python3', 'python']) {
    const probe = spawnSync(python, ['-c', 'import moto.server, sys; print(sys.executable)'], {
      encoding: 'utf8',
      env,
    });
    if (probe.status === 0 && probe.stdout.trim()) return probe.stdout.trim();
  }
  throw new Error(MOTO_MISSING);
}

/**
 * Starts moto's server (its Cognito and every other service it fakes) on a
 * free loopback port, logging to `moto.log` in `workDir`, and makes on it the
 * pool, app client and groups of the synthesized template, as on
 * cognito-local — and, with `mfaPool`, the same pool with MFA required. moto
 * has no Lambda triggers and sends no email (local/emulators/gaps.ts, MOTO_GAPS).
 */
export async function startMoto(options: {
  workDir: string;
  template: Resources;
  watch(child: ChildProcess): void;
  say(line: string): void;
  mfaPool?: boolean;
}): Promise<CognitoEmulatorPool & { log: string }> {
  const python = motoPython();
  const port = await freePort();
  options.say(`starting moto on 127.0.0.1:${port}`);
  const log = path.join(options.workDir, 'moto.log');
  const fd = openSync(log, 'a');
  let child: ChildProcess;
  try {
    child = watched(
      spawn(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
        // moto checks TOTP codes only when asked to (against one fixed secret it hands every user).
        env: { ...process.env, PYTHONUNBUFFERED: '1', MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP: 'true' },
        stdio: ['ignore', fd, fd],
      }),
    );
  } finally {
    closeSync(fd);
  }
  options.watch(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const idp = emulatorCognitoClient(endpoint);
  try {
    await waitFor(() => idp.send(new ListUserPoolsCommand({ MaxResults: 1 })), 'moto', child);
    const { userPoolId, clientId, clientSecret } = await motoPool(idp, options.template);
    return {
      endpoint,
      userPoolId,
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      jwksUri: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
      ...(options.mfaPool ? { requiringMfa: await motoPool(idp, options.template, 'ON') } : {}),
      log,
    };
  } finally {
    idp.destroy();
  }
}

/**
 * The template's pool on moto. moto's CreateUserPool takes no `EnabledMfas`, so the
 * pool's software-token MFA is switched on with SetUserPoolMfaConfig, as the template has it.
 */
async function motoPool(idp: CognitoIdentityProviderClient, template: Resources, mfa?: 'ON') {
  const withMfa: Resources = Object.fromEntries(
    Object.entries(template).map(([id, r]) =>
      r.Type === 'AWS::Cognito::UserPool' && mfa
        ? [id, { ...r, Properties: { ...r.Properties, MfaConfiguration: mfa } }]
        : [id, r],
    ),
  );
  const properties = only(withMfa, 'AWS::Cognito::UserPool')[0]?.Properties ?? {};
  const created = await createIdentityResources(idp, withMfa);
  const enabled = (properties.EnabledMfas as string[] | undefined) ?? [];
  await idp.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: created.userPoolId,
      MfaConfiguration: properties.MfaConfiguration as 'ON' | 'OFF' | 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: enabled.includes('SOFTWARE_TOKEN_MFA') },
    }),
  );
  return created;
}

/**
 * DynamoDB Local and moto's Cognito, for `npm run start:emulators -- --cognito moto`:
 * no trigger endpoint and no legacy database (moto calls no triggers).
 */
export async function startOnMoto(say: (line: string) => void): Promise<RunningEmulators> {
  requireJava();
  const { workDir, watch, run } = processGroup();
  return run(async () => {
    const template = synthesizedTemplate();
    const dynamo = startDynamoDbLocalIn({ workDir, template, watch, say });
    const moto = await startMoto({ workDir, template, watch, say });
    const secrets = emulatorSecrets();
    if (moto.clientSecret) secrets[SECRETS.appClient.valueEnv] = moto.clientSecret;
    const { endpoint: dynamodbEndpoint, tables } = await dynamo;
    say(`emulators ready (moto pool ${moto.userPoolId})`);
    return {
      cognito: 'moto',
      cognitoEndpoint: moto.endpoint,
      userPoolId: moto.userPoolId,
      clientId: moto.clientId,
      jwksUri: moto.jwksUri,
      cognitoLog: moto.log,
      dynamodbEndpoint,
      tables,
      secrets,
    };
  });
}
