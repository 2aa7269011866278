import { totpCode } from '../../../lambdas/core/domain/totp';
import { verifyTotpEnrollment } from '../../../lambdas/core/workflows/me/verify-totp-enrollment';
import { sequentialDepth } from '../../support/aws-calls';
import { activatedApplicant, freshWorld } from '../../support/harness';
import { recordedPorts } from '../../support/recorded-ports';

const EMAIL = 'jane@example.com';

/**
 * An approved applicant (`pending_mfa`) with a TOTP secret being enrolled and a
 * code of a fresh step; `meanwhile` runs before the ports start recording.
 * Verifies the code through recorded ports.
 */
async function verifiedEnrollment(
  meanwhile?: (world: ReturnType<typeof freshWorld>, userId: string) => Promise<unknown>,
) {
  const world = freshWorld();
  const tokens = await activatedApplicant(world, EMAIL);
  const found = await world.users.findByEmail(EMAIL);
  if (!found) throw new Error('no record');
  const record = await world.users.transition(found.userId, found.status, 'pending_mfa');
  const { secretCode } = await world.cognito.selfService.associateSoftwareToken(tokens.accessToken);
  world.advance(30_000);
  await meanwhile?.(world, record.userId);
  const recorded = recordedPorts(world);
  const profile = await verifyTotpEnrollment(recorded.totp, {
    caller: { sub: record.userId, username: record.userId, groups: [] },
    record,
    accessToken: tokens.accessToken,
    code: totpCode(secretCode, world.clock().getTime()),
  });
  return { profile, recorded };
}

describe('verifyTotpEnrollment (POST /me/mfa/totp/verify): round trips', () => {
  it('mirrors TOTP on and the ladder step in one conditional write', async () => {
    const { profile, recorded } = await verifiedEnrollment();

    expect(profile).toMatchObject({ status: 'pending_subscription', mfa: { enabled: true, method: 'totp' } });
    expect(recorded.names()).toEqual([
      'Cognito verifySoftwareToken',
      'Cognito setTotpPreference',
      'DynamoDB transition',
    ]);
    expect(sequentialDepth(recorded.log)).toBe(3);
  });

  it('writes only mfa when the record moved on meanwhile (no lost enrollment)', async () => {
    const { profile, recorded } = await verifiedEnrollment((world, userId) =>
      world.users.transition(userId, 'pending_mfa', 'suspended', { previousStatus: 'pending_mfa' }),
    );

    expect(profile).toMatchObject({ status: 'suspended', mfa: { enabled: true, method: 'totp' } });
    expect(recorded.names()).toEqual([
      'Cognito verifySoftwareToken',
      'Cognito setTotpPreference',
      'DynamoDB transition',
      'DynamoDB setMfa',
    ]);
  });
});
