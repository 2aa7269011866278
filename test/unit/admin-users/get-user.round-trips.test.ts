import { getUserForAdmin } from '../../../lambdas/core/workflows/admin-users/get-user';
import { sequentialDepth } from '../../support/aws-calls';
import { freshWorld, submitApplication } from '../../support/harness';
import { recordedPorts } from '../../support/recorded-ports';

describe('getUser (GET /admin/users/{userId}): round trips', () => {
  it('reads the record and Cognito state side by side: one round trip', async () => {
    const world = freshWorld();
    await submitApplication({ email: 'jane@example.com' });
    const userId = (await world.users.findByEmail('jane@example.com'))?.userId as string;
    const recorded = recordedPorts(world);

    const user = await getUserForAdmin(recorded.admin, {
      actor: { sub: 'admin-sub', username: 'admin-sub', groups: ['admin'] },
      userId,
      correlationId: 'round-trips',
    });

    expect(user).toMatchObject({ email: 'jane@example.com', cognitoStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(recorded.names()).toEqual(['DynamoDB get', 'Cognito getUser']);
    expect(sequentialDepth(recorded.log)).toBe(1);
  });
});
