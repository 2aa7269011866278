import { performUserAction } from '../../../lambdas/core/workflows/admin-users/user-action';
import { sequentialDepth } from '../../support/aws-calls';
import { recordedApplicant } from '../../support/recorded-ports';

describe('userAction (POST /admin/users/{userId}/{action}): round trips', () => {
  it("approve moves the record beside the view's Cognito read: two round trips", async () => {
    const { recorded, request } = await recordedApplicant('activated');

    const user = await performUserAction(recorded.admin, { ...request, action: 'approve' });

    expect(user).toMatchObject({ status: 'pending_mfa', cognitoStatus: 'CONFIRMED', enabled: true });
    expect(recorded.names()).toEqual(['DynamoDB get', 'DynamoDB transition', 'Cognito getUser']);
    expect(sequentialDepth(recorded.log)).toBe(2);
  });

  it('disable reads Cognito only after its Cognito write, so the view shows the account disabled', async () => {
    const { recorded, request } = await recordedApplicant('activated');

    const user = await performUserAction(recorded.admin, { ...request, action: 'disable' });

    expect(user).toMatchObject({ status: 'disabled', enabled: false });
    const names = recorded.names();
    expect(names.indexOf('Cognito getUser')).toBeGreaterThan(names.indexOf('Cognito setEnabled'));
  });
});
