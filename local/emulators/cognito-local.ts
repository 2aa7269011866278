import { type ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { emulatorCognitoClient } from './cognito-client';
import { createIdentityResources } from './identity-resources';
import { stopChild, waitFor, watched } from './processes';
import type { Resources } from './template';
import { EMULATOR_REGION } from './types';

export interface CognitoLocal {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  /** The app client's secret (the stack's client is confidential), as cognito-local generated it. */
  clientSecret?: string;
  dbDir: string;
  child: ChildProcess;
}

/**
 * Starts cognito-local in `dir` with the pool, app client and groups of the
 * synthesized template, and `extraConfig` (e.g. its Lambda trigger settings).
 * cognito-local names pools local_<id>; aws-jwt-verify (and real Cognito)
 * use <region>_<id>, so the pool is renamed while the emulator is stopped
 * (it caches pools in memory) and the emulator started again.
 */
export async function startCognitoLocal(options: {
  port: number;
  dir: string;
  logFile: string;
  template: Resources;
  extraConfig?: Record<string, unknown>;
  onChild(child: ChildProcess): void;
}): Promise<CognitoLocal> {
  const configDir = path.join(options.dir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    path.join(configDir, 'config.json'),
    JSON.stringify({
      ServerConfig: { hostname: '127.0.0.1', port: options.port },
      // Real Cognito's issuer, so tokens carry iss = https://cognito-idp.<region>.amazonaws.com/<poolId>.
      TokenConfig: { IssuerDomain: `https://cognito-idp.${EMULATOR_REGION}.amazonaws.com` },
      ...options.extraConfig,
    }),
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  const idp = emulatorCognitoClient(endpoint);
  try {
    let child = launch(options.dir, options.logFile);
    options.onChild(child);
    await waitFor(() => idp.send(new ListUserPoolsCommand({ MaxResults: 1 })), 'cognito-local', child);
    const {
      userPoolId: localPoolId,
      clientId,
      clientSecret,
    } = await createIdentityResources(idp, options.template);

    await stopChild(child);
    const userPoolId = `${EMULATOR_REGION}_${localPoolId.split('_')[1]}`;
    const dbDir = path.join(configDir, 'db');
    renamePool(dbDir, localPoolId, userPoolId);
    child = launch(options.dir, options.logFile);
    options.onChild(child);
    await waitFor(() => idp.send(new ListUserPoolsCommand({ MaxResults: 1 })), 'cognito-local', child);
    return { endpoint, userPoolId, clientId, ...(clientSecret ? { clientSecret } : {}), dbDir, child };
  } finally {
    idp.destroy();
  }
}

function launch(cwd: string, logFile: string): ChildProcess {
  const bin = path.join(__dirname, 'cognito-local-launcher.js');
  // The child writes its log straight to the file, not through this process,
  // whose event loop is busy while tests run.
  const fd = openSync(logFile, 'a');
  try {
    return watched(
      spawn(process.execPath, [bin], {
        cwd,
        env: {
          ...process.env,
          FORCE_COLOR: '0',
          NO_COLOR: '1',
          AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
        },
        stdio: ['ignore', fd, fd],
      }),
    );
  } finally {
    closeSync(fd);
  }
}

function renamePool(dbDir: string, from: string, to: string): void {
  for (const file of readdirSync(dbDir)) {
    const full = path.join(dbDir, file);
    writeFileSync(full, readFileSync(full, 'utf8').split(from).join(to));
  }
  renameSync(path.join(dbDir, `${from}.json`), path.join(dbDir, `${to}.json`));
}
