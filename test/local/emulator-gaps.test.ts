import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import {
  CognitoIdentityProviderClient,
  GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  COGNITO_LOCAL_GAPS,
  COGNITO_LOCAL_UNSUPPORTED,
  MOTO_GAPS,
  ROUTES_BEYOND_MOTO,
  unsupportedBanner,
} from '../../local/emulators/gaps';
import { MOTO_MISSING, motoPython } from '../../local/emulators/moto';
import {
  answeringEmulatorGaps,
  missingApi,
  NOT_SUPPORTED_BY_EMULATOR,
} from '../../local/emulators/unsupported';

/** A loopback server that answers every call as cognito-local answers what it lacks. */
let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const target = String(req.headers['x-amz-target']).split('.')[1];
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        __type: 'CognitoLocal#Unsupported',
        message: `Cognito Local unsupported feature: Unsupported x-amz-target header "${target}"`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const client = () =>
  new CognitoIdentityProviderClient({
    endpoint,
    region: 'local',
    maxAttempts: 1,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

describe('emulator gaps on npm run start:emulators', () => {
  it('answers 501 NOT_SUPPORTED_BY_EMULATOR naming the API cognito-local refused, whatever the handler made of it', async () => {
    const swallowed = await answeringEmulatorGaps('POST /auth/sign-out', async () => {
      await client()
        .send(new GlobalSignOutCommand({ AccessToken: 'token' }))
        .catch(() => undefined);
      return { statusCode: 202, body: '{}' };
    });
    expect(swallowed.statusCode).toBe(501);
    expect(JSON.parse(swallowed.body)).toEqual({
      error: { code: NOT_SUPPORTED_BY_EMULATOR, message: expect.stringContaining('GlobalSignOut') },
    });

    const untouched = await answeringEmulatorGaps('GET /me', async () => ({ statusCode: 200, body: '{}' }));
    expect(untouched.statusCode).toBe(200);
  });

  it('answers a route that needs CUSTOM_AUTH before the handler runs (it would stop at the email sender first)', async () => {
    let ran = false;
    const answer = await answeringEmulatorGaps('POST /auth/passwordless/start', async () => {
      ran = true;
      return { statusCode: 501, body: '{}' };
    });
    expect(ran).toBe(false);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: NOT_SUPPORTED_BY_EMULATOR, message: expect.stringContaining('CUSTOM_AUTH') },
    });
  });

  it("names a refused feature from cognito-local's own message", () => {
    expect(
      missingApi('Cognito Local unsupported feature: Unsupported x-amz-target header "GlobalSignOut"'),
    ).toBe('GlobalSignOut');
    expect(missingApi('Cognito Local unsupported feature: AdminCreateUser with MessageAction=RESEND')).toBe(
      'AdminCreateUser with MessageAction=RESEND',
    );
  });

  it('lists each refused API once in the start banner, from the one gap list', () => {
    const banner = unsupportedBanner().join('\n');
    for (const gap of COGNITO_LOCAL_UNSUPPORTED) expect(banner).toContain(COGNITO_LOCAL_GAPS[gap]);
  });

  it('is never in deployed code: the code appears nowhere under lambdas/ or lib/', () => {
    const root = path.join(__dirname, '..', '..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? files(full) : [full];
      });
    const hits = ['lambdas', 'lib']
      .flatMap((dir) => files(path.join(root, dir)))
      .filter((file) => readFileSync(file, 'utf8').includes(NOT_SUPPORTED_BY_EMULATOR));
    expect(hits).toEqual([]);
  });
});

describe('emulator gaps on npm run start:emulators -- --cognito moto', () => {
  it('answers every route moto cannot serve 501 before the handler runs, naming the gap', async () => {
    for (const [route, gap] of Object.entries(ROUTES_BEYOND_MOTO)) {
      let ran = false;
      const answer = await answeringEmulatorGaps(
        route,
        async () => {
          ran = true;
          return { statusCode: 200, body: '{}' };
        },
        'moto',
      );
      expect({ route, ran, status: answer.statusCode }).toEqual({ route, ran: false, status: 501 });
      expect(JSON.parse(answer.body).error).toEqual({
        code: NOT_SUPPORTED_BY_EMULATOR,
        message: expect.stringContaining(MOTO_GAPS[gap]),
      });
    }
    const served = await answeringEmulatorGaps(
      'POST /auth/login',
      async () => ({ statusCode: 200, body: '{}' }),
      'moto',
    );
    expect(served.statusCode).toBe(200);
  });

  it("lists moto's gaps and their routes in the start banner", () => {
    const banner = unsupportedBanner('moto').join('\n');
    for (const [route, gap] of Object.entries(ROUTES_BEYOND_MOTO)) {
      expect(banner).toContain(route);
      expect(banner).toContain(MOTO_GAPS[gap]);
    }
  });

  it('says how to install moto when the Python on the PATH has none, instead of skipping', () => {
    expect(() => motoPython({ PATH: '/nonexistent' })).toThrow(MOTO_MISSING);
    expect(motoPython()).toMatch(/python/);
    expect(MOTO_MISSING).toContain("pip install 'moto[server]==5.2.1'");
  });
});
