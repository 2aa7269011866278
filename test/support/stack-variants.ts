/**
 * The stack's flags with every option on, for the tests that synthesize the
 * largest templates (cfn-lint, CloudFormation's resource limit). `mfaRequired`
 * and `passkeyRpId` exclude each other: each test adds the one it needs.
 */
export const EVERY_OPTION = {
  threatProtection: 'true',
  waf: 'true',
  refreshTokenRotation: 'true',
  sesFromAddress: 'no-reply@example.com',
  legacyDatabaseSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-db-AbC123',
  legacySubnetIds: 'subnet-0123456789abcdef0,subnet-0123456789abcdef1',
  legacySecurityGroupIds: 'sg-0123456789abcdef0',
  corsOrigins: 'https://admin.example.com',
  apiGatewayCloudWatchRole: 'true',
} as const;
