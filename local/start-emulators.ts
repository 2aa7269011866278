import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type CognitoEmulator, emulatorEnvironment, emulatorOutbox, startEmulators } from './emulators';
import { bootstrapAdminOnAdapters } from './emulators/bootstrap-admin';
import { unsupportedBanner } from './emulators/gaps';
import { motoOutbox } from './emulators/moto-outbox';
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
  const cognito = cognitoChoice(process.argv.slice(2));
  console.info(`Starting ${cognito} and DynamoDB Local (Java) ...`);
  const emulators = await startEmulators({ log: (line) => console.info(`  ${line}`), cognito });
  const onMoto = cognito === 'moto';
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
        `  ${cognito}:  ${emulators.cognitoEndpoint}  pool ${emulators.userPoolId}  client ${emulators.clientId}`,
        `  DynamoDB Local: ${emulators.dynamodbEndpoint}  tables ${Object.values(emulators.tables).join(', ')}`,
        ...(onMoto
          ? ['  Cognito triggers and legacy PostgreSQL: none (moto calls no Lambda triggers)']
          : [
              `  Cognito triggers (Lambda Invoke endpoint): ${emulators.lambdaEndpoint}`,
              emulators.legacyDatabaseUrl
                ? `  legacy PostgreSQL (UserMigration reads it): ${emulators.legacyDatabaseUrl}`
                : '  legacy PostgreSQL: none (PostgreSQL is not installed)',
            ]),
        '  application webhook secret: APPLICATION_WEBHOOK_SECRET (default local-webhook-secret)',
        '  billing webhook secret: BILLING_WEBHOOK_SECRET (default local-billing-secret)',
        onMoto
          ? `  moto sends no email: GET http://127.0.0.1:${port}/_local/outbox?to=<email> sets and lists a temporary password for a user who has to choose one; sign-up and reset codes: moto accepts any 6 digits`
          : `  temporary passwords cognito-local generated: GET http://127.0.0.1:${port}/_local/outbox`,
        `  admin console: http://127.0.0.1:${port}/console   OpenAPI: http://127.0.0.1:${port}/openapi.json`,
        ...unsupportedBanner(cognito),
        `  work folder (logs${onMoto ? '' : ", cognito-local's database"}; removed at stop): ${emulators.workDir}`,
        `  npm run invoke on these emulators: set -a; . ${invokeEnv}; set +a; npm run invoke -- <operation> [event.json]`,
        '  Ctrl-C (or SIGTERM) stops the API and the emulators and removes what they wrote.',
      ],
      {
        outbox: onMoto ? motoOutbox(emulators) : (to) => emulatorOutbox(emulators, to),
        emulatorGaps: cognito,
      },
      () => emulators.stop(),
    );
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}

/** `--cognito cognito-local|moto` (default cognito-local). */
function cognitoChoice(args: string[]): CognitoEmulator {
  const at = args.indexOf('--cognito');
  const value = at === -1 ? 'cognito-local' : args[at + 1];
  if (value === 'cognito-local' || value === 'moto') return value;
  console.error(`--cognito takes cognito-local (the default) or moto, not ${value ?? 'nothing'}.`);
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error(`Could not start the emulators: ${(error as Error).message}`);
  process.exit(1);
});
