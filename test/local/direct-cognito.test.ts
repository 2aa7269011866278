import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetMemoryWorld } from '../../lambdas/core/adapters/memory/world';
import { SECRETS } from '../../lambdas/core/secrets';
import { createLocalServer } from '../../local/server';
import { registryTriggers } from '../../local/triggers';
import { directCognitoSuite } from '../support/direct-cognito';

/** Cognito's public API on the fake (npm start serves it on its root path), called with the AWS SDK. */
let server: Server;
let base = '';
let clientId = '';

beforeAll(async () => {
  clientId = resetMemoryWorld({ triggers: registryTriggers() }).cognito.clientId;
  server = createLocalServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

directCognitoSuite({
  name: 'the fake (npm start)',
  api: () => base,
  cognito: () => base,
  clientId: () => clientId,
  clientSecret: () => SECRETS.appClient.mockDefault,
  gaps: {},
});
