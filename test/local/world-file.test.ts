import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type MemoryWorld, resetMemoryWorld } from '../../lambdas/core/adapters/memory/world';
import { SoftwareAuthenticator } from '../../local/software-authenticator';
import { loadWorld, saveWorld, serializeWorld } from '../../local/world-file';
import {
  activatedApplicant,
  STRONG_PASSWORD,
  submitApplication,
  temporaryPasswordOf,
} from '../support/harness';
import { PAGE_ORIGIN } from '../support/passkeys';

/** A world as a later run finds it: a fresh one, restored from the file. */
function reopened(world: MemoryWorld): MemoryWorld {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'world-')), 'world.json');
  saveWorld(world, file);
  const next = resetMemoryWorld();
  expect(loadWorld(next, file)).toBe(true);
  return next;
}

describe('the local world file (npm start and npm run invoke)', () => {
  it('keeps the pool, its signing key, the tables, sessions and the outbox across runs', async () => {
    const world = resetMemoryWorld();
    await submitApplication({ email: 'jane@example.com' });
    const temporary = temporaryPasswordOf(world, 'jane@example.com');
    const challenge = await world.cognito.signIn.passwordLogin('jane@example.com', temporary);
    if (!('challenge' in challenge)) throw new Error('expected NEW_PASSWORD_REQUIRED');

    const later = reopened(world);

    // The challenge session opened before answers after; the outbox and the Users record are there.
    const answered = await later.cognito.signIn.respondToNewPasswordChallenge({
      email: 'jane@example.com',
      session: challenge.challenge.session,
      newPassword: STRONG_PASSWORD,
    });
    if (!('tokens' in answered)) throw new Error('expected tokens');
    expect(temporaryPasswordOf(later, 'jane@example.com')).toBe(temporary);
    expect((await later.users.findByEmail('jane@example.com'))?.status).toBe('pending_verification');

    // Tokens issued in one run verify and refresh in the next (the signing key and refresh tokens persist).
    const again = reopened(later);
    expect(await again.cognito.selfService.getUser(answered.tokens.accessToken)).toMatchObject({
      email: 'jane@example.com',
    });
    const refreshed = await again.cognito.signIn.refresh(answered.tokens.refreshToken as string);
    expect(refreshed).toHaveProperty('accessToken');
    expect(serializeWorld(again)).toContain('jane@example.com');
  });
});

describe('an unreadable local world file', () => {
  it('keeps passkeys, and USER_AUTH and passkey registration sessions, across runs', async () => {
    const world = resetMemoryWorld();
    const tokens = await activatedApplicant(world, 'pia@example.com');
    const authenticator = SoftwareAuthenticator.create();
    const options = await world.cognito.passkeys.startRegistration(tokens.accessToken);

    const second = reopened(world);
    await second.cognito.passkeys.completeRegistration(
      tokens.accessToken,
      authenticator.register(options as never, PAGE_ORIGIN),
    );
    const otp = await second.cognito.signIn.startUserAuth({
      email: 'pia@example.com',
      preferred: 'EMAIL_OTP',
    });
    const web = await second.cognito.signIn.startUserAuth({
      email: 'pia@example.com',
      preferred: 'WEB_AUTHN',
    });
    if (!('challenge' in otp) || !('challenge' in web)) throw new Error('expected challenges');

    const third = reopened(second);
    const code = third.outbox.latest('pia@example.com', 'SIGN_IN_CODE')?.secret;
    const byCode = await third.cognito.signIn.respondToChallenge({
      email: 'pia@example.com',
      session: otp.challenge.session,
      name: 'EMAIL_OTP',
      code,
    });
    const byPasskey = await third.cognito.signIn.respondToChallenge({
      email: 'pia@example.com',
      session: web.challenge.session,
      name: 'WEB_AUTHN',
      credential: authenticator.authenticate(web.challenge.credentialRequestOptions as never, PAGE_ORIGIN),
    });

    expect('tokens' in byCode && 'tokens' in byPasskey).toBe(true);
  });

  it('is set aside with a warning, and the world starts over', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'world-')), 'world.json');
    writeFileSync(file, '{"version": 1, "signer": ');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(loadWorld(resetMemoryWorld(), file)).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('starting over'));
    } finally {
      warn.mockRestore();
    }
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.unreadable`)).toBe(true);
  });
});
