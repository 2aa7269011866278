import { randomUUID } from 'node:crypto';
import { provisioningPorts, runsOnFakes } from '../lambdas/core/deps';
import { UserExistsError } from '../lambdas/core/domain/errors';
import { provisionNewAdmin } from '../lambdas/core/workflows/admins/provision-new-admin';
import { parseArgs, run } from './cli';

const USAGE = `Usage: npm run bootstrap-admin -- --email <email>

Creates the FIRST admin of a deployed pool (only admins can create admins
through the API) with the same provisioning code as POST /admins: a Cognito
user in the admin group, its Users and AdminInfo records, all or nothing.
Cognito emails the temporary password. AdminInfo.createdBy is "bootstrap".

Runs with your AWS credentials against the stack's resources, named by:
  AWS_REGION, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, USERS_TABLE_NAME,
  ADMIN_INFO_TABLE_NAME, RECONCILIATIONS_TABLE_NAME  (see the stack outputs)`;

run(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  const email = options.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error(USAGE);
    return 2;
  }
  if (runsOnFakes()) {
    console.error(
      'MOCK_MODE=true: the in-memory pool lives only in this process. `npm start` seeds a local admin instead.',
    );
    return 2;
  }
  try {
    const result = await provisionNewAdmin(provisioningPorts(), {
      actor: { sub: 'bootstrap', username: 'bootstrap-admin-script', groups: [] },
      email,
      correlationId: `bootstrap-${randomUUID()}`,
    });
    console.info(
      `Admin ${result.user.email} created (userId ${result.user.userId}, ${result.user.cognitoStatus}); ` +
        'Cognito has emailed the temporary password. First sign-in asks for a new password.',
    );
    return 0;
  } catch (error) {
    if (error instanceof UserExistsError) {
      console.error(
        `${email} already has an account; an admin can resend the invitation (POST /admins/resend-invite).`,
      );
      return 1;
    }
    throw error;
  }
});
