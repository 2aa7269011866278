import { RESET_REQUESTED_MESSAGE } from '../../../lambdas/core/workflows/auth/request-password-reset';
import { activatedApplicant, call, freshWorld } from '../../support/harness';

const EMAIL = 'jane@example.com';

describe('requestPasswordReset (POST /auth/password/forgot)', () => {
  let world: ReturnType<typeof freshWorld>;
  beforeEach(async () => {
    world = freshWorld();
    await activatedApplicant(world, EMAIL);
  });
  const codeOf = () => world.outbox.latest(EMAIL, 'RESET_CODE')?.secret as string;

  it('answers the same 202 for a known and an unknown email, and mails only the known one', async () => {
    const known = await call('requestPasswordReset', { body: { email: EMAIL } });
    const unknown = await call('requestPasswordReset', { body: { email: 'nobody@example.com' } });

    expect(known).toMatchObject({ status: 202, body: { message: RESET_REQUESTED_MESSAGE } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(codeOf()).toMatch(/^\d{6}$/);
    expect(world.outbox.list('nobody@example.com')).toEqual([]);
    expect(world.outbox.latest(EMAIL, 'RESET_CODE')?.subject).toMatch(/reset your password/);
  });

  it('returns 429 after three requests for the same email in the window', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call('requestPasswordReset', { body: { email: EMAIL } })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
