import { type CfnResource, Duration, RemovalPolicy, type SecretValue, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { POOL_TEMPLATES } from '../../lambdas/core/domain/messages';
import {
  ADMIN_GROUP,
  CUSTOM_ATTRIBUTES,
  PASSWORD_POLICY,
  TEMPORARY_PASSWORD_VALIDITY_DAYS,
  TOKEN_VALIDITY,
} from '../../lambdas/core/domain/pool-policy';
import type { TriggerDefinition } from '../../lambdas/core/trigger/definition';

/** Props of the identity construct. */
export interface IdentityProps {
  /**
   * Turn on Cognito threat protection (the Plus feature plan, billed per MAU).
   * @default false
   */
  readonly threatProtection?: boolean;
  /**
   * Send the pool's email through Amazon SES from this verified address
   * (docs/operations.md) instead of Cognito's default sender, whose small
   * daily quota is not meant for production.
   * @default - Cognito's default email sender
   */
  readonly sesFromAddress?: string;
  /**
   * Rotate refresh tokens: each refresh returns a new refresh token and the
   * old one stops working after a grace period (seed 004). Cognito then
   * refuses REFRESH_TOKEN_AUTH; the API calls GetTokensFromRefreshToken.
   * @default false
   */
  readonly refreshTokenRotation?: boolean;
  /**
   * MFA REQUIRED for every user (TOTP only): a user without it is sent to
   * MFA_SETUP at sign-in, which `/auth/login` presents with the secret to scan.
   * @default false
   */
  readonly mfaRequired?: boolean;
  /**
   * Passkeys (WEB_AUTHN) as a first factor of USER_AUTH, registered for this
   * relying party (a domain the frontends are served from).
   * @default - no passkeys
   */
  readonly passkeys?: { relyingPartyId: string; userVerification: 'preferred' | 'required' };
}

/**
 * The User Pool (email sign-in, case-insensitive, the shared password policy,
 * optional TOTP, custom attributes, the `admin` group) and its app client.
 */
export class Identity extends Construct {
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /** The app client's secret, read at deploy time by a custom resource (DescribeUserPoolClient). */
  readonly clientSecret: SecretValue;
  /** Kept private: other constructs get the interface; triggers go through addTrigger. */
  private readonly pool: cognito.UserPool;

  constructor(scope: Construct, id: string, props: IdentityProps = {}) {
    super(scope, id);

    const customAttributes = Object.fromEntries(
      Object.entries(CUSTOM_ATTRIBUTES).map(([name, spec]) => [
        name,
        new cognito.StringAttribute({ maxLen: spec.maxLen, mutable: spec.mutable }),
      ]),
    );

    const pool = new cognito.UserPool(this, 'UserPool', {
      // Open for POST /auth/register. The pool's own SignUp API then answers a taken email with
      // UsernameExistsException to anyone holding the public client id (docs/decisions/0020-auth-api-first-slice.md).
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes,
      passwordPolicy: {
        minLength: PASSWORD_POLICY.minLength,
        requireUppercase: PASSWORD_POLICY.requireUppercase,
        requireLowercase: PASSWORD_POLICY.requireLowercase,
        requireDigits: PASSWORD_POLICY.requireDigits,
        requireSymbols: PASSWORD_POLICY.requireSymbols,
        tempPasswordValidity: Duration.days(TEMPORARY_PASSWORD_VALIDITY_DAYS),
      },
      mfa: props.mfaRequired ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // The pool's own templates, used where the CustomMessage trigger does not brand a message.
      userInvitation: {
        emailSubject: POOL_TEMPLATES.invitation.subject,
        emailBody: POOL_TEMPLATES.invitation.body,
      },
      userVerification: {
        emailSubject: POOL_TEMPLATES.verification.subject,
        emailBody: POOL_TEMPLATES.verification.body,
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      featurePlan: props.threatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(props.threatProtection
        ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      ...(props.sesFromAddress
        ? {
            email: cognito.UserPoolEmail.withSES({
              fromEmail: props.sesFromAddress,
              sesRegion: Stack.of(this).region,
            }),
          }
        : {}),
      // USER_AUTH's first factors: the password always; emailed codes where the pool sends through
      // SES (Cognito's own sender cannot) and MFA is not required (Cognito refuses a passwordless
      // first factor there); passkeys where a relying party is configured.
      signInPolicy: {
        allowedFirstAuthFactors: {
          password: true,
          emailOtp: Boolean(props.sesFromAddress) && !props.mfaRequired,
          passkey: Boolean(props.passkeys),
        },
      },
      ...(props.passkeys
        ? {
            passkeyRelyingPartyId: props.passkeys.relyingPartyId,
            passkeyUserVerification:
              props.passkeys.userVerification === 'required'
                ? cognito.PasskeyUserVerification.REQUIRED
                : cognito.PasskeyUserVerification.PREFERRED,
          }
        : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Not pool.addGroup(): the L2 group puts its resource at another path, so its logical id
    // would change, and CloudFormation would replace the deployed group — creating the new one
    // first, which fails on the taken group name. The logical id is a contract (docs/decisions/0011-structure-for-growth.md).
    new cognito.CfnUserPoolGroup(this, 'AdminGroup', {
      userPoolId: pool.userPoolId,
      groupName: ADMIN_GROUP,
      description: 'Administrators: may use the admin routes and create other admins.',
    });

    this.userPoolClient = pool.addClient('AppClient', {
      authFlows: { userPassword: true, custom: true, user: true, userSrp: false, adminUserPassword: false },
      // Confidential: every unauthenticated Cognito call needs a SECRET_HASH made with this secret,
      // which only the functions read (Secrets Manager), so sign-in, sign-up, codes and resets
      // cannot be sent straight to Cognito around the API (docs/security.md).
      generateSecret: true,
      // The functions pass each caller's IP (and a front end's encoded device data) as
      // UserContextData, so threat protection (-c threatProtection) scores the user, not Lambda.
      enablePropagateAdditionalUserContextData: true,
      // What a signed-in user may change about themselves with Cognito's public
      // UpdateUserAttributes (and send with SignUp): their name, and their email
      // (kept unchanged until the new one is verified). Role, tenant, username and
      // legacy id are written only by admin calls.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(TOKEN_VALIDITY.accessTokenMinutes),
      idTokenValidity: Duration.minutes(TOKEN_VALIDITY.idTokenMinutes),
      refreshTokenValidity: Duration.days(TOKEN_VALIDITY.refreshTokenDays),
      authSessionValidity: Duration.minutes(TOKEN_VALIDITY.authSessionMinutes),
      ...(props.refreshTokenRotation ? { refreshTokenRotationGracePeriod: Duration.seconds(60) } : {}),
    });
    this.clientSecret = (this.userPoolClient as cognito.UserPoolClient).userPoolClientSecret;
    // CDK reads the secret with an AwsCustomResource (DescribeUserPoolClient on this pool only);
    // its provider is CDK's one singleton function per stack.
    const provider = Stack.of(this).node.tryFindChild(
      `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    if (provider) {
      // Its DependsOn on its role repeats what `Role: {Fn::GetAtt}` orders (cfn-lint W3005); the
      // custom resource itself waits for the Cognito policy.
      (provider.node.defaultChild as CfnResource).addDeletionOverride('DependsOn');
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's AwsCustomResource provider (it reads the app client's secret once per deployment, to store it in Secrets Manager) comes with AWS's basic execution policy: log writes only; its one Cognito action is a separate policy on this pool's ARN.",
      });
    }
    this.userPool = pool;
    this.pool = pool;

    if (!props.mfaRequired) {
      Validations.of(pool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is OPTIONAL by default, a product decision: applicants enroll TOTP on the onboarding ladder (pending_mfa, after approval) and admins can require it per user; -c mfaRequired=true makes it REQUIRED for everyone (enrollment at first sign-in through MFA_SETUP).',
      });
    }
    if (!props.threatProtection) {
      const reason =
        'Threat protection needs the Cognito Plus plan, billed per monthly active user; it is one context flag away (-c threatProtection=true) and documented in the README. Per-email throttles and API stage throttling stay on either way, and nobody can go around them to Cognito: the app client is confidential, so every unauthenticated Cognito call (sign-in, sign-up, codes, resets, refresh) needs a SECRET_HASH that only the API functions can compute from the secret they read in Secrets Manager.';
      Validations.of(pool).acknowledge({ id: 'AwsSolutions-COG3', reason });
      Validations.of(pool).acknowledge({ id: 'AwsSolutions-COG8', reason });
    }
  }

  /**
   * Attaches a registry trigger to the pool (its LambdaConfig), with the
   * permission for Cognito to invoke it from this pool only.
   */
  addTrigger(definition: TriggerDefinition, fn: lambda.IFunction): void {
    const name = definition.trigger.charAt(0).toLowerCase() + definition.trigger.slice(1);
    this.pool.addTrigger(cognito.UserPoolOperation.of(name), fn);
  }
}
