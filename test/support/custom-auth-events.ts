/**
 * What the custom-auth trigger tests share: the fields every event carries, the
 * user's attributes and one round of a session, in the shapes of Cognito's
 * developer guide ("Define/Create/Verify auth challenge Lambda trigger").
 */
export const base = {
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_EXAMPLE',
  userName: 'a1b2c3d4-0000-4000-8000-000000000001',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
};

export const attributes = { sub: base.userName, email: 'pat@example.com', email_verified: 'true' };

/** One earlier round of the session, as DefineAuthChallenge and CreateAuthChallenge see it. */
export const round = (challengeResult: boolean, challengeMetadata = 'CODE-123456-1700000000') => ({
  challengeName: 'CUSTOM_CHALLENGE',
  challengeResult,
  challengeMetadata,
});
