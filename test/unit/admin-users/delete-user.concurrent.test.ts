import { activatedApplicant, adminToken, call, freshWorld } from '../../support/harness';

/**
 * Deleting is idempotent, also when the calls overlap: an admin's double
 * click, a retry racing the first try, two admins at once. Every call ends
 * 204, the user is gone everywhere, and no reconciliation record is left.
 */
describe('deleteUser (DELETE /admin/users/{userId}) sent concurrently', () => {
  it.each([2, 3, 5])(
    '%i simultaneous deletes of one user all answer 204 and leave nothing pending',
    async (n) => {
      const world = freshWorld();
      const admin = await adminToken(world);
      const tokens = await activatedApplicant(world, 'jane@example.com');
      const userId = (await world.users.findByEmail('jane@example.com'))?.userId as string;
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);

      const answers = await Promise.all(
        Array.from({ length: n }, () => call('deleteUser', { token: admin, pathParameters: { userId } })),
      );

      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: n }, () => 204));
      expect(
        errors.mock.calls.map(([line]) => String(line)).filter((l) => l.includes('deletion stopped')),
      ).toEqual([]);
      errors.mockRestore();
      expect(await world.reconciliations.pending()).toEqual([]);
      expect(await world.users.get(userId)).toBeUndefined();
      expect(await world.cognito.directory.getUser('jane@example.com')).toBeUndefined();
      expect((await call('getProfile', { token: tokens.accessToken })).status).toBe(401);
    },
  );
});
