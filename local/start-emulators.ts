import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { emulatorEnvironment, emulatorOutbox, startEmulators } from './emulators';
import { bootstrapAdminOnAdapters } from './emulators/bootstrap-admin';
import { unsupportedBanner } from './emulators/gaps';
import { localAdminCredentials, serve } from './server';

/**
 * `npm run start:emulators`: cognito-local (its triggers served from the
 * trigger registry) and DynamoDB Local on free loopback ports, and the local
 * API on the REAL adapters (MOCK_MODE=false) wired to them through the
 * standard AWS SDK endpoint variables, with the same bootstrap admin as
 * `npm start`. No AWS account needed.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  console.info('Starting cognito-local and DynamoDB Local (Java) ...');
  const emulators = await startEmulators({ log: (line) => console.info(`  ${line}`) });
  try {
    // The webhook secrets default to the local ones (emulatorEnvironment); a value set in the shell wins.
    Object.assign(process.env, emulatorEnvironment(emulators));
    // For `npm run invoke` on these emulators, from another shell (MOCK_MODE=false is in it).
    const invokeEnv = path.join(emulators.workDir, 'invoke.env');
    writeFileSync(
      invokeEnv,
      Object.entries(emulatorEnvironment(emulators))
        .map(([key, value]) => `${key}='${value.replace(/'/g, "'\\''")}'`)
        .join('\n'),
      { mode: 0o600 },
    );
    const admin = localAdminCredentials();
    await bootstrapAdminOnAdapters(admin.email, admin.password);
    serve(
      port,
      [
        `Cognito account backend, local API on http://127.0.0.1:${port}`,
        '  mode: aws (real adapters, MOCK_MODE=false) against local emulators',
        ...admin.banner,
        `  cognito-local:  ${emulators.cognitoEndpoint}  pool ${emulators.userPoolId}  client ${emulators.clientId}`,
        `  DynamoDB Local: ${emulators.dynamodbEndpoint}  tables ${Object.values(emulators.tables).join(', ')}`,
        `  Cognito triggers (Lambda Invoke endpoint): ${emulators.lambdaEndpoint}`,
        emulators.legacyDatabaseUrl
          ? `  legacy PostgreSQL (UserMigration reads it): ${emulators.legacyDatabaseUrl}`
          : '  legacy PostgreSQL: none (PostgreSQL is not installed)',
        '  application webhook secret: APPLICATION_WEBHOOK_SECRET (default local-webhook-secret)',
        '  billing webhook secret: BILLING_WEBHOOK_SECRET (default local-billing-secret)',
        `  temporary passwords cognito-local generated: GET http://127.0.0.1:${port}/_local/outbox`,
        `  admin console: http://127.0.0.1:${port}/console   OpenAPI: http://127.0.0.1:${port}/openapi.json`,
        ...unsupportedBanner(),
        `  work folder (logs, cognito-local's database; removed at stop): ${emulators.workDir}`,
        `  npm run invoke on these emulators: set -a; . ${invokeEnv}; set +a; npm run invoke -- <operation> [event.json]`,
        '  Ctrl-C (or SIGTERM) stops the API and the emulators and removes what they wrote.',
      ],
      { outbox: (to) => emulatorOutbox(emulators, to), emulatorGaps: true },
      () => emulators.stop(),
    );
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`Could not start the emulators: ${(error as Error).message}`);
  process.exit(1);
});
