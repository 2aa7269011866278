import { getUserForAdmin } from '../../../lambdas/core/workflows/admin-users/get-user';
import { sequentialDepth } from '../../support/aws-calls';
import { recordedApplicant } from '../../support/recorded-ports';

describe('getUser (GET /admin/users/{userId}): round trips', () => {
  it('reads the record and Cognito state side by side: one round trip', async () => {
    const { recorded, request } = await recordedApplicant('invited');

    const user = await getUserForAdmin(recorded.admin, request);

    expect(user).toMatchObject({ email: 'jane@example.com', cognitoStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(recorded.names()).toEqual(['DynamoDB get', 'Cognito getUser']);
    expect(sequentialDepth(recorded.log)).toBe(1);
  });
});
