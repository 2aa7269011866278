import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  activatedApplicant,
  adminToken,
  call,
  freshWorld,
  STRONG_PASSWORD,
  submitApplication,
} from '../../support/harness';

type Provisioned = {
  user: { userId: string; email: string; role: string; status: string; cognitoStatus: string };
  adminInfo: { userId: string; createdBy: string; createdAt: string; invitedAt?: string };
};

describe('provisionNewAdmin (POST /admins)', () => {
  let world: ReturnType<typeof freshWorld>;
  let token: string;
  let rootSub: string;
  beforeEach(async () => {
    world = freshWorld();
    token = await adminToken(world);
    rootSub = (await world.cognito.directory.getUser('root-admin@example.com'))?.sub as string;
  });

  it('returns 201 with the active admin User and the AdminInfo linked to the calling admin', async () => {
    const answer = await call<Provisioned>('provisionNewAdmin', {
      token,
      body: { email: ' New.Admin@Example.com ' },
    });

    expect(answer.status).toBe(201);
    expect(answer.body.user).toMatchObject({
      email: 'new.admin@example.com',
      role: 'admin',
      status: 'active',
      emailVerified: true,
      cognitoStatus: 'FORCE_CHANGE_PASSWORD',
    });
    expect(answer.body.adminInfo).toEqual({
      userId: answer.body.user.userId,
      createdBy: rootSub,
      createdAt: expect.any(String),
      invitedAt: expect.any(String),
    });
    expect(JSON.stringify(answer.body)).not.toContain('idempotencyKey');
  });

  it('puts the new admin in the admin group, writes both records, and emails an admin invitation', async () => {
    const answer = await call<Provisioned>('provisionNewAdmin', {
      token,
      body: { email: 'new.admin@example.com' },
    });
    const userId = answer.body.user.userId;

    await expect(world.cognito.directory.groupsOf(userId)).resolves.toEqual(['admin']);
    await expect(world.users.get(userId)).resolves.toMatchObject({ role: 'admin', status: 'active' });
    await expect(world.admins.getAdminInfo(userId)).resolves.toMatchObject({ createdBy: rootSub });
    expect(world.outbox.list('new.admin@example.com')).toEqual([
      expect.objectContaining({
        kind: 'ADMIN_INVITE',
        // Branded by the project's CustomMessage trigger, which the fake pool runs.
        subject: 'Cognito account backend: your administrator invitation',
        secret: expect.any(String),
      }),
    ]);
  });

  it('lets the new admin complete NEW_PASSWORD_REQUIRED, hold the admin group, and provision another admin', async () => {
    await call('provisionNewAdmin', { token, body: { email: 'new.admin@example.com' } });
    const invite = world.outbox.latest('new.admin@example.com', 'ADMIN_INVITE')?.secret as string;

    const first = await call<{ tokens: { accessToken: string } }>('handleNewPasswordChallenge', {
      body: { email: 'new.admin@example.com', temporaryPassword: invite, newPassword: STRONG_PASSWORD },
    });
    expect(first.status).toBe(200);
    const verifier = CognitoJwtVerifier.create({
      userPoolId: world.cognito.userPoolId,
      clientId: world.cognito.clientId,
      tokenUse: 'access',
    });
    verifier.cacheJwks(world.cognito.jwks);
    await expect(verifier.verify(first.body.tokens.accessToken)).resolves.toMatchObject({
      'cognito:groups': ['admin'],
    });

    const me = await call('getProfile', { token: first.body.tokens.accessToken });
    expect(me.body).toMatchObject({ role: 'admin', status: 'active', groups: ['admin'] });

    const next = await call('provisionNewAdmin', {
      token: first.body.tokens.accessToken,
      body: { email: 'third@example.com' },
    });
    expect(next.status).toBe(201);
  });

  it('returns 409 USER_EXISTS for an email that is already an admin, and changes nothing', async () => {
    await call('provisionNewAdmin', { token, body: { email: 'new.admin@example.com' } });

    const again = await call('provisionNewAdmin', { token, body: { email: 'NEW.admin@example.com' } });

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'USER_EXISTS' } });
    expect(world.outbox.list('new.admin@example.com')).toHaveLength(1);
  });

  it('returns 409 USER_EXISTS for an email that belongs to an applicant, who stays a plain user', async () => {
    await submitApplication({ email: 'applicant@example.com' });
    const applicant = await world.cognito.directory.getUser('applicant@example.com');

    const answer = await call('provisionNewAdmin', { token, body: { email: 'applicant@example.com' } });

    expect(answer.status).toBe(409);
    await expect(world.cognito.directory.groupsOf(applicant?.username as string)).resolves.toEqual([]);
    await expect(world.admins.getAdminInfo(applicant?.sub as string)).resolves.toBeUndefined();
  });

  it('answers concurrent requests for one email with exactly one 201 and 409 USER_EXISTS for the rest', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('provisionNewAdmin', { token, body: { email: 'race@example.com' } }),
      ),
    );

    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const admin = await world.cognito.directory.getUser('race@example.com');
    await expect(world.users.get(admin?.sub as string)).resolves.toBeDefined();
    expect(world.outbox.list('race@example.com')).toHaveLength(1);
  });

  it('replays the first answer for a retry with the same Idempotency-Key, instead of 409', async () => {
    const headers = { 'Idempotency-Key': 'create-admin-7f3a' };
    const first = await call<Provisioned>('provisionNewAdmin', {
      token,
      headers,
      body: { email: 'retry@example.com' },
    });
    const retry = await call<Provisioned>('provisionNewAdmin', {
      token,
      headers,
      body: { email: 'retry@example.com' },
    });
    const otherKey = await call('provisionNewAdmin', {
      token,
      headers: { 'Idempotency-Key': 'another-key' },
      body: { email: 'retry@example.com' },
    });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(otherKey.status).toBe(409);
    expect(world.outbox.list('retry@example.com')).toHaveLength(1);
  });

  it('returns 422 IDEMPOTENCY_KEY_REUSED for the same key with another request, and creates nothing', async () => {
    const headers = { 'Idempotency-Key': 'bound-key' };
    const first = await call('provisionNewAdmin', { token, headers, body: { email: 'first@example.com' } });

    const reused = await call('provisionNewAdmin', { token, headers, body: { email: 'second@example.com' } });

    expect(first.status).toBe(201);
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });
    await expect(world.cognito.directory.getUser('second@example.com')).resolves.toBeUndefined();
  });

  it('does not replay another admin’s Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': 'shared-key' };
    await call('provisionNewAdmin', { token, headers, body: { email: 'retry@example.com' } });
    const otherAdmin = await adminToken(world, 'second-root@example.com');

    const answer = await call('provisionNewAdmin', {
      token: otherAdmin,
      headers,
      body: { email: 'retry@example.com' },
    });

    expect(answer.status).toBe(409);
  });

  it('returns 400 VALIDATION_ERROR for a malformed Idempotency-Key or email', async () => {
    const badKey = await call('provisionNewAdmin', {
      token,
      headers: { 'Idempotency-Key': 'spaces are not allowed' },
      body: { email: 'a@example.com' },
    });
    const badEmail = await call('provisionNewAdmin', { token, body: { email: 'not-an-email' } });

    expect(badKey.body).toMatchObject({
      error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/^Idempotency-Key/) },
    });
    expect(badEmail.body).toMatchObject({
      error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/^email/) },
    });
  });

  it('returns 401 UNAUTHENTICATED without a token and 403 FORBIDDEN for a signed-in non-admin', async () => {
    const applicant = await activatedApplicant(world, 'plain@example.com');

    const anonymous = await call('provisionNewAdmin', { body: { email: 'x@example.com' } });
    const plain = await call('provisionNewAdmin', {
      token: applicant.accessToken,
      body: { email: 'x@example.com' },
    });

    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(plain.status).toBe(403);
    expect(plain.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await expect(world.cognito.directory.getUser('x@example.com')).resolves.toBeUndefined();
  });

  it('writes one audit line per attempt, with actor, target, outcome and correlation id, and no secret', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'info').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    process.env.LOG_LEVEL = 'info';
    try {
      await call('provisionNewAdmin', { token, body: { email: 'audited@example.com' } });
      await call('provisionNewAdmin', { token, body: { email: 'audited@example.com' } });
    } finally {
      process.env.LOG_LEVEL = 'silent';
      spy.mockRestore();
    }
    const audits = lines.filter((l) => l.includes('"event":"audit"')).map((l) => JSON.parse(l));
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'provisionNewAdmin',
        actor: rootSub,
        target: 'audited@example.com',
        outcome: 'created',
        correlationId: expect.any(String),
      }),
      expect.objectContaining({ outcome: 'exists' }),
    ]);
    const invite = world.outbox.latest('audited@example.com')?.secret as string;
    expect(lines.join('\n')).not.toContain(invite);
    expect(lines.join('\n')).not.toContain(token);
  });
});
