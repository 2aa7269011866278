import { updateUserAttributes } from '../../../lambdas/core/workflows/admin-users/update-user-attributes';
import { sequentialDepth } from '../../support/aws-calls';
import { recordedApplicant } from '../../support/recorded-ports';

describe('updateUserAttributes (PATCH /admin/users/{userId}/attributes): round trips', () => {
  it("writes the record beside the view's Cognito read, after Cognito's write: three round trips", async () => {
    const { recorded, request } = await recordedApplicant('invited');

    const user = await updateUserAttributes(recorded.admin, { ...request, attributes: { name: 'Jane Doe' } });

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
