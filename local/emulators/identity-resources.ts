import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { only, pick, type Resources } from './template';

// CloudFormation property names that CreateUserPool / CreateUserPoolClient take unchanged.
const POOL_KEYS = [
  'Policies',
  'Schema',
  'UsernameAttributes',
  'UsernameConfiguration',
  'AutoVerifiedAttributes',
  'MfaConfiguration',
  'AdminCreateUserConfig',
  'AccountRecoverySetting',
  'VerificationMessageTemplate',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
] as const;
const CLIENT_KEYS = [
  'ExplicitAuthFlows',
  'GenerateSecret',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'AccessTokenValidity',
  'IdTokenValidity',
  'RefreshTokenValidity',
  'TokenValidityUnits',
  'AuthSessionValidity',
  'AllowedOAuthFlowsUserPoolClient',
] as const;

/**
 * Creates, on an emulator's Cognito API, the user pool, app client and groups of
 * the stack's synthesized template (the properties both take unchanged).
 */
export async function createIdentityResources(idp: CognitoIdentityProviderClient, template: Resources) {
  const [pool] = only(template, 'AWS::Cognito::UserPool');
  const [client] = only(template, 'AWS::Cognito::UserPoolClient');
  if (!pool || !client) throw new Error('The stack has no user pool or app client.');
  const created = await idp.send(
    new CreateUserPoolCommand({
      PoolName: 'account-backend',
      ...pick<Partial<CreateUserPoolCommandInput>>(pool.Properties, POOL_KEYS),
    }),
  );
  const userPoolId = created.UserPool?.Id as string;
  const appClient = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'app',
      ...pick<Partial<CreateUserPoolClientCommandInput>>(client.Properties, CLIENT_KEYS),
    }),
  );
  for (const group of only(template, 'AWS::Cognito::UserPoolGroup')) {
    await idp.send(
      new CreateGroupCommand({
        UserPoolId: userPoolId,
        GroupName: group.Properties.GroupName as string,
        Description: group.Properties.Description as string | undefined,
      }),
    );
  }
  return {
    userPoolId,
    clientId: appClient.UserPoolClient?.ClientId as string,
    clientSecret: appClient.UserPoolClient?.ClientSecret,
  };
}
