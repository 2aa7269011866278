import {
  type AdminUserView,
  activatedApplicant,
  adminToken,
  call,
  freshWorld,
  submitApplication,
} from '../../support/harness';

type User = AdminUserView;
type Tokens = { accessToken: string; refreshToken: string };

describe('listUsers (GET /admin/users)', () => {
  let world: ReturnType<typeof freshWorld>;
  let admin: string;
  beforeEach(async () => {
    world = freshWorld();
    admin = await adminToken(world);
  });

  it('pages with an opaque cursor, filters by email exactly, and refuses a tampered or foreign cursor', async () => {
    for (const n of [1, 2, 3]) await submitApplication({ email: `p${n}@example.com` });
    const first = await call<{ users: User[]; nextCursor?: string }>('listUsers', {
      token: admin,
      query: { limit: '2' },
    });
    expect(first.status).toBe(200);
    expect(first.body.users).toHaveLength(2);
    const second = await call<{ users: User[]; nextCursor?: string }>('listUsers', {
      token: admin,
      query: { limit: '2', cursor: first.body.nextCursor as string },
    });
    expect(second.body.users).toHaveLength(2); // 4 records: 3 applicants and the admin
    expect(second.body.nextCursor).toBeUndefined();
    const all = [...first.body.users, ...second.body.users].map((u) => u.email).sort();
    expect(all).toEqual(['p1@example.com', 'p2@example.com', 'p3@example.com', 'root-admin@example.com']);

    const byEmail = await call<{ users: User[] }>('listUsers', {
      token: admin,
      query: { email: ' P2@Example.com ' },
    });
    expect(byEmail.body.users.map((u) => u.email)).toEqual(['p2@example.com']);

    const cursor = first.body.nextCursor as string;
    const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('A') ? 'B' : 'A'}`;
    for (const query of <Array<Record<string, string>>>[
      { cursor: tampered },
      { cursor, email: 'p2@example.com' },
      { cursor: 'not-a-cursor' },
      { limit: '61' },
      { limit: '0' },
    ]) {
      const refused = await call('listUsers', { token: admin, query });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
    }
  });

  it('lists newest first, and gives admins the approval queue (status=pending_approval), paged', async () => {
    for (const n of [1, 2, 3]) {
      world.advance(1000);
      await activatedApplicant(world, `q${n}@example.com`); // pending_approval once the password is set
    }
    world.advance(1000);
    await submitApplication({ email: 'waiting@example.com' }); // pending_verification
    type Page = { users: User[]; nextCursor?: string };
    const all = await call<Page>('listUsers', { token: admin, query: { limit: '10' } });
    expect(all.body.users.map((u) => u.email)).toEqual([
      'waiting@example.com',
      'q3@example.com',
      'q2@example.com',
      'q1@example.com',
      'root-admin@example.com',
    ]);

    const first = await call<Page>('listUsers', {
      token: admin,
      query: { status: 'pending_approval', limit: '2' },
    });
    const second = await call<Page>('listUsers', {
      token: admin,
      query: { status: 'pending_approval', limit: '2', cursor: first.body.nextCursor as string },
    });
    expect([...first.body.users, ...second.body.users].map((u) => [u.email, u.status])).toEqual([
      ['q3@example.com', 'pending_approval'],
      ['q2@example.com', 'pending_approval'],
      ['q1@example.com', 'pending_approval'],
    ]);
    expect(second.body.nextCursor).toBeUndefined();

    for (const query of <Array<Record<string, string>>>[
      { status: 'waiting' },
      { status: 'pending_approval', email: 'q1@example.com' },
      // A cursor pages the query it was issued for, not another status.
      { status: 'active', cursor: first.body.nextCursor as string },
    ]) {
      const refused = await call('listUsers', { token: admin, query });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR' } } });
    }
  });

  it('is for admins only', async () => {
    const tokens = (await activatedApplicant(world, 'jane@example.com')) as Tokens;
    expect((await call('listUsers', { token: tokens.accessToken })).status).toBe(403);
    expect((await call('listUsers')).status).toBe(401);
  });
});
