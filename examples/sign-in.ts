import { createInterface } from 'node:readline/promises';
import { type AuthOutcome, accountClient, type Tokens } from '../client';

/**
 * Signs in with the typed client (client/), answers the challenges the API
 * asks for, reads the profile and refreshes the tokens:
 *
 *   EMAIL=jane@example.com PASSWORD='…' [NEW_PASSWORD='…'] [API_URL=…] npx tsx examples/sign-in.ts
 *
 * NEW_PASSWORD answers NEW_PASSWORD_REQUIRED (a first sign-in with a temporary
 * password); an MFA code is asked for on the terminal.
 */
const env = (name: string) => process.env[name] || undefined;

async function main(): Promise<void> {
  const email = env('EMAIL') ?? fail('EMAIL is not set');
  const password = env('PASSWORD') ?? fail('PASSWORD is not set');
  let tokens: Tokens | undefined;
  const api = accountClient(env('API_URL') ?? 'http://127.0.0.1:3000', {
    accessToken: () => tokens?.accessToken,
  });

  // --- snippet: sign in (docs/client.md) ---
  let { data, error } = await api.POST('/auth/login', { body: { email, password } });
  while (data && 'challenge' in data) {
    const { name, session, otpauthUri } = data.challenge;
    console.info(`challenge ${name}`);
    if (name === 'EMAIL_OTP') fail('EMAIL_OTP is answered at POST /auth/passwordless/verify');
    if (otpauthUri) console.info(`add ${otpauthUri} to an authenticator app`);
    const answer =
      name === 'NEW_PASSWORD_REQUIRED'
        ? { newPassword: env('NEW_PASSWORD') ?? fail('NEW_PASSWORD is not set') }
        : { code: await ask(`${name} code: `) };
    ({ data, error } = await api.POST('/auth/challenge', { body: { email, session, name, ...answer } }));
  }
  if (error) fail(`sign-in refused: ${error.error.code} (${error.error.message})`);
  tokens = (data as Extract<AuthOutcome, { tokens: unknown }>).tokens;
  console.info('signed in');

  const me = await api.GET('/me');
  if (me.error) fail(`GET /me refused: ${me.error.error.code}`);
  console.info(
    `profile ${me.data.email} (${me.data.status}, groups: ${me.data.groups.join(', ') || 'none'})`,
  );

  const refreshed = await api.POST('/auth/refresh', { body: { refreshToken: tokens.refreshToken ?? '' } });
  if (refreshed.error) fail(`refresh refused: ${refreshed.error.error.code}`);
  tokens = { ...refreshed.data.tokens, refreshToken: tokens.refreshToken };
  console.info(`refreshed (access token valid ${refreshed.data.tokens.expiresIn} s)`);
  // --- end of snippet ---
}

async function ask(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await terminal.question(question)).trim();
  } finally {
    terminal.close();
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main();
