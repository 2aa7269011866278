import { adminToken, call, freshWorld } from '../../support/harness';

describe('probeConnection (POST /admin/cognito/test)', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
  });

  it('probes the pool: ok with a latency', async () => {
    const probe = await call('probeConnection', { token: admin });
    expect(probe).toMatchObject({ status: 200, body: { ok: true, latencyMs: expect.any(Number) } });
  });
});
