// Runs one production bundle's handler once in a fresh Node process, as
// Lambda would: `node run-bundle.js <bundle.js>` with the event as JSON on
// stdin; prints the handler's result as JSON on stdout.
const { randomUUID } = require('node:crypto');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const { handler } = require(process.argv[2]);
  const deadline = Date.now() + 10_000;
  const context = {
    functionName: 'bundle',
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    callbackWaitsForEmptyEventLoop: false,
  };
  const result = await handler(event, context);
  process.stdout.write(JSON.stringify(result));
});
