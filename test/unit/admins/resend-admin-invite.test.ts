import {
  activatedApplicant,
  adminToken,
  call,
  freshWorld,
  STRONG_PASSWORD,
  submitApplication,
} from '../../support/harness';

describe('resendAdminInvite (POST /admins/resend-invite)', () => {
  let world: ReturnType<typeof freshWorld>;
  let token: string;
  beforeEach(async () => {
    world = freshWorld();
    token = await adminToken(world);
  });

  it('returns 202 and emails a new admin invitation; the old temporary password stops working', async () => {
    await call('provisionNewAdmin', { token, body: { email: 'invitee@example.com' } });
    const first = world.outbox.latest('invitee@example.com')?.secret as string;

    const answer = await call('resendAdminInvite', { token, body: { email: 'invitee@example.com' } });

    expect(answer.status).toBe(202);
    const invites = world.outbox.list('invitee@example.com');
    expect(invites.map((m) => m.kind)).toEqual(['ADMIN_INVITE', 'ADMIN_INVITE']);
    expect(invites[1]?.secret).not.toBe(first);
    expect((await call('login', { body: { email: 'invitee@example.com', password: first } })).status).toBe(
      401,
    );
  });

  it('returns 404 NOT_FOUND for an unknown email and for an applicant', async () => {
    await submitApplication({ email: 'applicant@example.com' });

    for (const email of ['nobody@example.com', 'applicant@example.com']) {
      const answer = await call('resendAdminInvite', { token, body: { email } });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect(world.outbox.list('applicant@example.com')).toHaveLength(1);
  });

  it('returns 409 INVITE_ALREADY_ACCEPTED once the admin has set a password', async () => {
    await call('provisionNewAdmin', { token, body: { email: 'invitee@example.com' } });
    const invite = world.outbox.latest('invitee@example.com')?.secret as string;
    await call('handleNewPasswordChallenge', {
      body: { email: 'invitee@example.com', temporaryPassword: invite, newPassword: STRONG_PASSWORD },
    });

    const answer = await call('resendAdminInvite', { token, body: { email: 'invitee@example.com' } });

    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: 'INVITE_ALREADY_ACCEPTED' } });
  });

  it('returns 403 FORBIDDEN for a non-admin', async () => {
    const applicant = await activatedApplicant(world, 'plain@example.com');

    const answer = await call('resendAdminInvite', {
      token: applicant.accessToken,
      body: { email: 'plain@example.com' },
    });

    expect(answer.status).toBe(403);
  });
});
