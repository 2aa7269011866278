// Starts cognito-local (in the current directory's .cognito/) with a plain
// JSON logger on stdout instead of its bin's pretty-printer, so its log is
// machine-readable. Its "Confirmation Code Delivery" lines are not relied on
// for timing (they were seen to lag); temporary passwords are read from its
// user database (local/emulators.ts). Dev and test tooling only.
const pino = require('pino');
const { createDefaultServer } = require('cognito-local');
const { UserPoolServiceImpl } = require('cognito-local/lib/services/userPoolService');

// One shim, so the emulator follows Cognito where this project depends on it:
// cognito-local creates a user migrated by the UserMigration trigger without a
// `sub` attribute (its tokens then carry no `sub`), where Cognito gives every
// user one. Every user saved without a `sub` gets one here, as Cognito does
// (the user's UUID username). docs/flows/migration.md names it.
const saveUser = UserPoolServiceImpl.prototype.saveUser;
UserPoolServiceImpl.prototype.saveUser = function saveUserWithSub(ctx, user) {
  const attributes = user.Attributes ?? [];
  if (!attributes.some((a) => a.Name === 'sub')) {
    user.Attributes = [{ Name: 'sub', Value: user.Username }, ...attributes];
  }
  return saveUser.call(this, ctx, user);
};

const logger = pino({ level: 'info', base: null }, pino.destination({ dest: 1, sync: true }));

createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(
      `Cognito Local running on ${typeof address === 'string' ? address : `${address.address}:${address.port}`}`,
    );
  })
  .catch((error) => {
    logger.error(error);
    process.exit(1);
  });
