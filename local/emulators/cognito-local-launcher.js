// Starts cognito-local (in the current directory's .cognito/) with a plain
// JSON logger on stdout instead of its bin's pretty-printer, so its log is
// machine-readable. Its "Confirmation Code Delivery" lines are not relied on
// for timing (they were seen to lag); temporary passwords are read from its
// user database (local/emulators.ts). Dev and test tooling only.
const pino = require('pino');
const { createDefaultServer } = require('cognito-local');

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
