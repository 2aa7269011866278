import { totpCode } from '../../../lambdas/core/domain/totp';
import { verifyTotpEnrollment } from '../../../lambdas/core/workflows/me/verify-totp-enrollment';
import { sequentialDepth } from '../../support/aws-calls';
import { activatedApplicant, freshWorld } from '../../support/harness';
import { recordedPorts } from '../../support/recorded-ports';

const EMAIL = 'jane@example.com';

async function approvedWithSecret(world: ReturnType<typeof freshWorld>) {
  const tokens = await activatedApplicant(world, EMAIL);
  const record = await world.users.findByEmail(EMAIL);
  if (!record) throw new Error('no record');
  const approved = await world.users.transition(record.userId, record.status, 'pending_mfa');
  const { secretCode } = await world.cognito.selfService.associateSoftwareToken(tokens.accessToken);
  world.advance(30_000);
  return { tokens, record: approved, code: totpCode(secretCode, world.clock().getTime()) };
}

describe('verifyTotpEnrollment (POST /me/mfa/totp/verify): round trips', () => {
  it('mirrors TOTP on and the ladder step in one conditional write', async () => {
    const world = freshWorld();
    const { tokens, record, code } = await approvedWithSecret(world);
    const recorded = recordedPorts(world);

    const profile = await verifyTotpEnrollment(recorded.totp, {
      caller: { sub: record.userId, username: record.userId, groups: [] },
      record,
      accessToken: tokens.accessToken,
      code,
    });

    expect(profile).toMatchObject({ status: 'pending_subscription', mfa: { enabled: true, method: 'totp' } });
    expect(recorded.names()).toEqual([
      'Cognito verifySoftwareToken',
      'Cognito setTotpPreference',
      'DynamoDB transition',
    ]);
    expect(sequentialDepth(recorded.log)).toBe(3);
  });

  it('writes only mfa when the record moved on meanwhile (no lost enrollment)', async () => {
    const world = freshWorld();
    const { tokens, record, code } = await approvedWithSecret(world);
    await world.users.transition(record.userId, 'pending_mfa', 'suspended', {
      previousStatus: 'pending_mfa',
    });
    const recorded = recordedPorts(world);

    const profile = await verifyTotpEnrollment(recorded.totp, {
      caller: { sub: record.userId, username: record.userId, groups: [] },
      record,
      accessToken: tokens.accessToken,
      code,
    });

    expect(profile).toMatchObject({ status: 'suspended', mfa: { enabled: true, method: 'totp' } });
    expect(recorded.names()).toEqual([
      'Cognito verifySoftwareToken',
      'Cognito setTotpPreference',
      'DynamoDB transition',
      'DynamoDB setMfa',
    ]);
  });
});
