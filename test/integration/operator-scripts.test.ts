import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CognitoPool } from '../../lambdas/core/adapters/aws/cognito/cognito-client';
import { CognitoUserDirectory } from '../../lambdas/core/adapters/aws/cognito/cognito-user-directory';
import { DynamoDbReconciliationLog } from '../../lambdas/core/adapters/aws/dynamodb-reconciliation-log';
import { DynamoDbUserStore } from '../../lambdas/core/adapters/aws/dynamodb-user-store';
import { newUserRecord } from '../../lambdas/core/domain/user';
import { emulatorEnvironment } from '../../local/emulators';
import { emulators, uniqueEmail } from './emulators';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Runs an operator script as an operator would, against the emulators. */
async function script(name: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, [`scripts/${name}.ts`, ...args], {
      cwd: root,
      env: { ...process.env, ...emulatorEnvironment(emulators()), LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('operator scripts against the emulators', () => {
  const info = emulators();
  const directory = new CognitoUserDirectory(new CognitoPool(info.userPoolId, info.clientId));

  it('npm run bootstrap-admin creates the first admin through the provisioning code, once', async () => {
    const email = uniqueEmail('first-admin');

    const created = await script('bootstrap-admin', ['--email', email]);
    const again = await script('bootstrap-admin', ['--email', email]);
    const usage = await script('bootstrap-admin', []);

    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining(`Admin ${email} created`) });
    const user = await directory.getUser(email);
    await expect(directory.groupsOf(user?.username as string)).resolves.toEqual(['admin']);
    await expect(
      new DynamoDbUserStore({ tableName: info.tables.users }).get(user?.sub as string),
    ).resolves.toMatchObject({
      role: 'admin',
      status: 'active',
    });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('already has an account') });
    expect(usage).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run bootstrap-admin'),
    });
  }, 60_000);

  it('npm run reconcile lists a Users record whose Cognito user was deleted outside the API, and repair removes it', async () => {
    const email = uniqueEmail('selfdeleted');
    const account = await directory.createUser({ email });
    const users = new DynamoDbUserStore({ tableName: info.tables.users });
    await users.create(newUserRecord({ userId: account.username, email, status: 'active', now: new Date() }));
    // As the user's own DeleteUser (or an operator's AdminDeleteUser in the console) leaves it.
    await directory.deleteUser(account.username);

    const listed = await script('reconcile', ['list']);
    expect(listed.stdout).toContain(`orphaned-record  ${account.username}  ${email.toLowerCase()}`);
    const repaired = await script('reconcile', ['repair']);
    expect(repaired).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(
        `orphaned-record  ${account.username}  ${email.toLowerCase()}  removed`,
      ),
    });
    await expect(users.get(account.username)).resolves.toBeUndefined();
    expect((await script('reconcile', ['list'])).stdout).not.toContain(account.username);
  }, 90_000);

  it('npm run reconcile lists a pending orphan and repairs it', async () => {
    const email = uniqueEmail('orphan');
    const orphan = await directory.createUser({ email });
    const id = `it-${orphan.username}`;
    await new DynamoDbReconciliationLog({ tableName: info.tables.reconciliations }).record({
      id,
      kind: 'orphan-cognito-user',
      username: orphan.username,
      email,
      actor: 'root',
      correlationId: 'it',
      createdAt: new Date().toISOString(),
      errors: ['Boom'],
      status: 'pending',
    });

    const listed = await script('reconcile', ['list']);
    const repaired = await script('reconcile', ['repair', '--id', id]);

    expect(listed.stdout).toContain(`${id}`);
    expect(listed.stdout).toContain(email);
    expect(repaired).toMatchObject({ code: 0, stdout: expect.stringContaining(`${id}  ${email}  deleted`) });
    await expect(directory.getUser(email)).resolves.toBeUndefined();
    expect((await script('reconcile', ['list'])).stdout).not.toContain(id);
  }, 60_000);
});
