/**
 * The IAM vocabulary of the registries: the DynamoDB and Cognito actions a
 * registry row may list. Unions, so a typo fails the type check rather than
 * the deploy; `lib/` grants exactly these on exact ARNs.
 */

export type DynamoAction =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'DescribeTable'
  | 'ConditionCheckItem'
  | 'BatchGetItem';

/**
 * The Cognito user pool APIs a function may be granted, so a typo fails the
 * type check rather than the deploy. Public APIs (InitiateAuth, SignUp, ...)
 * need no IAM grant and are not listed.
 */
export type CognitoApi =
  | 'AdminAddUserToGroup'
  | 'AdminCreateUser'
  | 'AdminDeleteUser'
  | 'AdminDisableUser'
  | 'AdminEnableUser'
  | 'AdminGetUser'
  | 'AdminListGroupsForUser'
  | 'AdminRemoveUserFromGroup'
  | 'AdminResetUserPassword'
  | 'AdminSetUserMFAPreference'
  | 'AdminSetUserPassword'
  | 'AdminUpdateUserAttributes'
  | 'AdminUserGlobalSignOut'
  | 'DescribeUserPool'
  | 'DescribeUserPoolClient'
  | 'ListUsers';

/** An IAM action on the user pool, e.g. `cognito-idp:AdminCreateUser`. */
export type CognitoAction = `cognito-idp:${CognitoApi}`;
