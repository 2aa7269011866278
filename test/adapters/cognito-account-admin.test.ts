import {
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { CognitoAccountAdmin } from '../../lambdas/core/adapters/aws/cognito/cognito-account-admin';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import {
  CodeMismatchError,
  InvalidPasswordError,
  RequestValidationError,
  UserNotFoundError,
} from '../../lambdas/core/domain/errors';

// The calls cognito-local does not implement (AdminResetUserPassword,
// AdminSetUserMFAPreference, AdminUserGlobalSignOut) are checked here, on the
// SDK's wire input; the others also run against cognito-local.
const cognito = mockClient(CognitoIdentityProviderClient);
const pool = new CognitoPool(
  'eu-west-1_Abc123',
  'client123',
  new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
);
const accounts = new CognitoAccountAdmin(pool);
const user = { UserPoolId: 'eu-west-1_Abc123', Username: 'sub-1' };

function sdkError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: {} });
}

beforeEach(() => cognito.reset());

describe('CognitoAccountAdmin', () => {
  it('resets a password, sets one, updates attributes and signs the user out, on the username', async () => {
    await accounts.resetPassword('sub-1');
    await accounts.setPassword('sub-1', 'Str0ng!Passw0rd', true);
    await accounts.updateAttributes('sub-1', { name: 'Jane', 'custom:organizationId': 'org-7' });
    await accounts.globalSignOut('sub-1');

    expect(cognito.commandCalls(AdminResetUserPasswordCommand)[0]?.args[0].input).toEqual(user);
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)[0]?.args[0].input).toEqual({
      ...user,
      Password: 'Str0ng!Passw0rd',
      Permanent: true,
    });
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input).toEqual({
      ...user,
      UserAttributes: [
        { Name: 'name', Value: 'Jane' },
        { Name: 'custom:organizationId', Value: 'org-7' },
      ],
    });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]?.args[0].input).toEqual(user);
  });

  it('sets the MFA preference: TOTP enabled is also preferred, SMS off', async () => {
    await accounts.setMfaPreference('sub-1', { totp: true, sms: false });
    expect(cognito.commandCalls(AdminSetUserMFAPreferenceCommand)[0]?.args[0].input).toEqual({
      ...user,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      SMSMfaSettings: { Enabled: false, PreferredMfa: false },
    });
  });

  it('maps an unknown user, a weak password, a bad parameter and TOTP without an app', async () => {
    cognito.on(AdminResetUserPasswordCommand).rejects(sdkError('UserNotFoundException'));
    await expect(accounts.resetPassword('x')).rejects.toBeInstanceOf(UserNotFoundError);
    cognito
      .on(AdminSetUserPasswordCommand)
      .rejects(sdkError('InvalidPasswordException', 'Password not long enough'));
    await expect(accounts.setPassword('x', 'a', true)).rejects.toBeInstanceOf(InvalidPasswordError);
    cognito.on(AdminUpdateUserAttributesCommand).rejects(sdkError('InvalidParameterException'));
    await expect(accounts.updateAttributes('x', { name: 'n' })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    cognito.on(AdminSetUserMFAPreferenceCommand).rejects(sdkError('EnableSoftwareTokenMFAException'));
    await expect(accounts.setMfaPreference('x', { totp: true, sms: false })).rejects.toBeInstanceOf(
      CodeMismatchError,
    );
  });

  it("reads a user's MFA settings from AdminGetUser", async () => {
    cognito.on(AdminGetUserCommand).resolves({
      Username: 'sub-1',
      UserAttributes: [{ Name: 'sub', Value: 'sub-1' }],
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    const account = await new CognitoUserDirectory(pool).getUser('sub-1');
    expect(account?.mfa).toEqual({ methods: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' });
  });
});
