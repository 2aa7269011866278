import type { CognitoMfa, CognitoUserStatus } from '../domain/user';

/** A user as the identity provider (Cognito) sees it. */
export interface IdentityUser {
  /** Cognito's username; with email sign-in it is a UUID equal to `sub`. */
  username: string;
  sub: string;
  email: string;
  status: CognitoUserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  createdAt: Date;
  /** MFA settings, where the call returns them (AdminGetUser). */
  mfa?: CognitoMfa;
}

/**
 * Which invitation a temporary-password email is. It travels as
 * `ClientMetadata.invitation`, which the CustomMessage trigger reads to brand it.
 */
export type Invitation = 'applicant' | 'admin';
