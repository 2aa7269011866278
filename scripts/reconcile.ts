import {
  adminStore,
  clock,
  poolInspector,
  reconciliationLog,
  userDirectory,
  usernameRegistry,
  userStore,
} from '../lambdas/core/deps';
import {
  findOrphanedRecords,
  repairOrphanedRecords,
} from '../lambdas/core/workflows/operators/orphaned-records';
import { repairReconciliations } from '../lambdas/core/workflows/operators/reconciliation';
import { parseArgs, run } from './cli';

const USAGE = `Usage: npm run reconcile -- list
       npm run reconcile -- repair [--id <reconciliation id>]

Lists, or repairs, the reconciliation records that admin provisioning writes
when it could not undo a half-created admin (a Cognito user without its
database records). Repair deletes such a Cognito user (or, if its records do
exist, only resolves the entry). Same environment as bootstrap-admin, plus
RECONCILIATIONS_TABLE_NAME.

Both also cover orphaned Users records: users deleted outside the API (their
own Cognito DeleteUser, or AdminDeleteUser in the console), found by reading
every record and asking Cognito (repair without --id removes their records).`;

run(async () => {
  const { options, positional } = parseArgs(process.argv.slice(2));
  const command = positional[0];
  if (command === 'list') {
    const pending = await reconciliationLog().pending();
    if (pending.length === 0) console.info('No pending reconciliations.');
    for (const r of pending) {
      console.info(
        `${r.id}  ${r.createdAt}  ${r.kind}  ${r.email} (cognito ${r.username})  by ${r.actor}  correlation ${r.correlationId}  errors ${r.errors.join(',')}`,
      );
    }
    const orphans = await findOrphanedRecords({
      users: userStore(),
      directory: userDirectory(),
      inspector: poolInspector(),
    });
    if (orphans.length === 0) console.info('No orphaned Users records.');
    for (const o of orphans) {
      console.info(`orphaned-record  ${o.userId}  ${o.email}  (no Cognito user: deleted outside the API)`);
    }
    return 0;
  }
  if (command === 'repair') {
    const outcomes = await repairReconciliations(
      {
        directory: userDirectory(),
        users: userStore(),
        admins: adminStore(),
        usernames: usernameRegistry(),
        reconciliations: reconciliationLog(),
        clock: clock(),
      },
      options.id,
    );
    const ports = {
      users: userStore(),
      directory: userDirectory(),
      admins: adminStore(),
      usernames: usernameRegistry(),
      inspector: poolInspector(),
    };
    const orphans = options.id ? [] : await repairOrphanedRecords(ports, await findOrphanedRecords(ports));
    if (outcomes.length === 0 && orphans.length === 0) console.info('Nothing to repair.');
    for (const o of outcomes)
      console.info(`${o.id}  ${o.email}  ${o.action}${o.error ? ` (${o.error})` : ''}`);
    for (const o of orphans) console.info(`orphaned-record  ${o.userId}  ${o.email}  ${o.action}`);
    return outcomes.some((o) => o.action === 'failed') ? 1 : 0;
  }
  console.error(USAGE);
  return 2;
});
