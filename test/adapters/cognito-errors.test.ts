import { mapCognitoError } from '../../lambdas/core/adapters/aws/cognito/cognito-errors';
import {
  InvalidSessionError,
  RequestValidationError,
  UnauthenticatedError,
} from '../../lambdas/core/domain/errors';

const sdkError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe("Cognito's InvalidParameterException is a clear 4xx, never a 500", () => {
  it('a token Cognito cannot read (cognito-local: a `==`-padded bearer token) is a refused token: 401', () => {
    const error = sdkError('InvalidParameterException', 'Invalid access token');
    expect(mapCognitoError(error, 'token')).toBeInstanceOf(UnauthenticatedError);
  });

  it('a session it cannot read (cognito-local: MFA_SETUP with a made-up session) is an invalid session: 401', () => {
    const error = sdkError('InvalidParameterException', 'Invalid session provided');
    expect(mapCognitoError(error, 'challenge')).toBeInstanceOf(InvalidSessionError);
  });

  it('anything else is 400 VALIDATION_ERROR with a fixed message (what was sent is never quoted back)', () => {
    const error = sdkError(
      'InvalidParameterException',
      "1 validation error detected: Value 'hunter2' at 'password' failed to satisfy constraint",
    );
    for (const call of ['sign-in', 'challenge', 'reset', 'sign-up'] as const) {
      const mapped = mapCognitoError(error, call);
      expect(mapped).toBeInstanceOf(RequestValidationError);
      expect((mapped as Error).message).not.toContain('hunter2');
    }
  });

  it('keeps the admin calls message (it names the rule)', () => {
    const error = sdkError('InvalidParameterException', 'Attributes did not conform to the schema');
    expect(mapCognitoError(error, 'admin')).toMatchObject({
      message: 'Attributes did not conform to the schema',
    });
  });
});
