import {
  adminStore,
  clock,
  reconciliationLog,
  userDirectory,
  usernameRegistry,
  userStore,
} from '../lambdas/core/deps';
import { repairReconciliations } from '../lambdas/core/workflows/reconciliation';
import { parseArgs, run } from './cli';

const USAGE = `Usage: npm run reconcile -- list
       npm run reconcile -- repair [--id <reconciliation id>]

Lists, or repairs, the reconciliation records that admin provisioning writes
when it could not undo a half-created admin (a Cognito user without its
database records). Repair deletes such a Cognito user (or, if its records do
exist, only resolves the entry). Same environment as bootstrap-admin, plus
RECONCILIATIONS_TABLE_NAME.`;

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
    if (outcomes.length === 0) console.info('Nothing to repair.');
    for (const o of outcomes)
      console.info(`${o.id}  ${o.email}  ${o.action}${o.error ? ` (${o.error})` : ''}`);
    return outcomes.some((o) => o.action === 'failed') ? 1 : 0;
  }
  console.error(USAGE);
  return 2;
});
