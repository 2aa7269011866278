import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  type Attestation,
  type CreationOptionsJSON,
  type RequestOptionsJSON,
  SoftwareAuthenticator,
} from '../local/software-authenticator';

/**
 * `npm run passkey`: the project's software authenticator as a small CLI, so a
 * passkey can be registered and used with curl (docs/flows/passkeys.md). It
 * reads an API answer on stdin and prints the JSON body of the next request.
 *
 *   curl … POST /me/passkeys/options | npm run -s passkey -- create   > body.json  # for POST /me/passkeys
 *   curl … POST /auth/sign-in        | npm run -s passkey -- get --email E > body.json  # for POST /auth/challenge
 *
 * Options: --origin (the page's origin; default http://localhost:3000), --file
 * (where the key is kept; default .local/passkey.json), --attestation none|packed.
 * A local test tool: the private key sits in that file unencrypted.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const origin = option('origin', 'http://localhost:3000');
const file = option('file', path.join('.local', 'passkey.json'));

function fail(message: string): never {
  process.stderr.write(`passkey: ${message}\n`);
  process.exit(1);
}

function stdinJson(): Record<string, unknown> {
  const text = readFileSync(0, 'utf8');
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    fail(`stdin is not JSON: ${text.slice(0, 200)}`);
  }
}

function create(): void {
  const answer = stdinJson();
  const options = (answer.options ?? answer) as CreationOptionsJSON;
  if (typeof options.challenge !== 'string' || !options.rp || !options.user)
    fail('expected the answer of POST /me/passkeys/options ({"options": {...}}) on stdin');
  const attestation = option('attestation', 'none') as Attestation;
  const authenticator = SoftwareAuthenticator.create();
  const credential = authenticator.register(options, origin, attestation);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(authenticator.save(), null, 2)}\n`, { mode: 0o600 });
  process.stdout.write(`${JSON.stringify({ credential })}\n`);
}

function get(): void {
  if (!existsSync(file)) fail(`no passkey in ${file}: run "npm run passkey -- create" first`);
  const answer = stdinJson();
  const challenge = answer.challenge as
    | { name?: string; session?: string; credentialRequestOptions?: RequestOptionsJSON }
    | undefined;
  const options = challenge?.credentialRequestOptions;
  if (challenge?.name !== 'WEB_AUTHN' || !options)
    fail('expected a WEB_AUTHN challenge on stdin (POST /auth/sign-in with "preferred": "WEB_AUTHN")');
  const email = option('email', '');
  if (!email) fail('--email is required (the body of POST /auth/challenge names the user)');
  const authenticator = SoftwareAuthenticator.restore(JSON.parse(readFileSync(file, 'utf8')));
  // The authenticator offers its passkey whatever the relying party lists (an unknown email lists none).
  const credential = authenticator.authenticate({ ...options, allowCredentials: [] }, origin);
  writeFileSync(file, `${JSON.stringify(authenticator.save(), null, 2)}\n`, { mode: 0o600 });
  process.stdout.write(
    `${JSON.stringify({ email, session: challenge.session, name: 'WEB_AUTHN', credential })}\n`,
  );
}

const command = args[0];
if (command === 'create') create();
else if (command === 'get') get();
else
  fail(
    'usage: npm run passkey -- create|get [--email E] [--origin URL] [--file F] [--attestation none|packed]',
  );
