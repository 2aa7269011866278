import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECRETS } from '../../lambdas/core/secrets';
import { emulatorOutbox } from '../../local/emulators';
import { COGNITO_LOCAL_GAPS } from '../../local/emulators/gaps';
import { createLocalServer } from '../../local/server';
import { directCognitoSuite } from '../support/direct-cognito';
import { emulators } from './emulators';

/** Cognito's public API on cognito-local, around the local API on the real adapters (npm run start:emulators). */
let server: Server;
let base = '';

beforeAll(async () => {
  server = createLocalServer({ outbox: (to) => emulatorOutbox(emulators(), to) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

directCognitoSuite({
  name: 'cognito-local (npm run start:emulators)',
  api: () => base,
  cognito: () => emulators().cognitoEndpoint,
  clientId: () => emulators().clientId,
  clientSecret: () => emulators().secrets[SECRETS.appClient.valueEnv] as string,
  gaps: COGNITO_LOCAL_GAPS,
});
