import { updateUserAttributes } from '../../../lambdas/core/workflows/admin-users/update-user-attributes';
import { sequentialDepth } from '../../support/aws-calls';
import { freshWorld, submitApplication } from '../../support/harness';
import { recordedPorts } from '../../support/recorded-ports';

describe('updateUserAttributes (PATCH /admin/users/{userId}/attributes): round trips', () => {
  it("writes the record beside the view's Cognito read, after Cognito's write: three round trips", async () => {
    const world = freshWorld();
    await submitApplication({ email: 'jane@example.com' });
    const userId = (await world.users.findByEmail('jane@example.com'))?.userId as string;
    const recorded = recordedPorts(world);

    const user = await updateUserAttributes(recorded.admin, {
      actor: { sub: 'admin-sub', username: 'admin-sub', groups: ['admin'] },
      userId,
      correlationId: 'round-trips',
      attributes: { name: 'Jane Doe' },
    });

    expect(user).toMatchObject({ name: 'Jane Doe', cognitoStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(recorded.names()).toEqual([
      'DynamoDB get',
      'Cognito updateAttributes',
      'DynamoDB update',
      'Cognito getUser',
    ]);
    expect(sequentialDepth(recorded.log)).toBe(3);
  });
});
