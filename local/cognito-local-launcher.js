// Starts cognito-local (in the current directory's .cognito/) with a logger
// that writes JSON lines synchronously to stdout, so every "Confirmation Code
// Delivery" is in the log the moment the request that caused it is answered.
// cognito-local's own bin uses pino-pretty on an asynchronous stream, whose
// lines can lag behind by seconds. Dev and test tooling only.
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
