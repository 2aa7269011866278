import { performUserAction } from '../../../lambdas/core/workflows/admin-users/user-action';
import { sequentialDepth } from '../../support/aws-calls';
import { activatedApplicant, freshWorld } from '../../support/harness';
import { recordedPorts } from '../../support/recorded-ports';

const actor = { sub: 'admin-sub', username: 'admin-sub', groups: ['admin'] };

describe('userAction (POST /admin/users/{userId}/{action}): round trips', () => {
  it("approve moves the record beside the view's Cognito read: two round trips", async () => {
    const world = freshWorld();
    await activatedApplicant(world, 'jane@example.com');
    const userId = (await world.users.findByEmail('jane@example.com'))?.userId as string;
    const recorded = recordedPorts(world);

    const user = await performUserAction(recorded.admin, {
      actor,
      userId,
      correlationId: 'round-trips',
      action: 'approve',
    });

    expect(user).toMatchObject({ status: 'pending_mfa', cognitoStatus: 'CONFIRMED', enabled: true });
    expect(recorded.names()).toEqual(['DynamoDB get', 'DynamoDB transition', 'Cognito getUser']);
    expect(sequentialDepth(recorded.log)).toBe(2);
  });

  it('disable reads Cognito only after its Cognito write, so the view shows the account disabled', async () => {
    const world = freshWorld();
    await activatedApplicant(world, 'jane@example.com');
    const userId = (await world.users.findByEmail('jane@example.com'))?.userId as string;
    const recorded = recordedPorts(world);

    const user = await performUserAction(recorded.admin, {
      actor,
      userId,
      correlationId: 'rt',
      action: 'disable',
    });

    expect(user).toMatchObject({ status: 'disabled', enabled: false });
    const names = recorded.names();
    expect(names.indexOf('Cognito getUser')).toBeGreaterThan(names.indexOf('Cognito setEnabled'));
  });
});
