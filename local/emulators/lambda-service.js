// A loopback stand-in for the AWS Lambda Invoke API, for cognito-local's
// triggers (its LambdaClient.endpoint). Serves the trigger registry's
// production bundles (plain CommonJS, built with the stack's esbuild options):
//   POST /2015-03-31/functions/<name>/invocations  body: the event
// answers the handler's result, or, when it throws, status 200 with
// X-Amz-Function-Error: Unhandled and {errorMessage, errorType}, as Lambda does.
// Configuration comes as JSON in LAMBDA_SERVICE_CONFIG: {port, functions: {name: bundlePath}, log}.
// It logs one line per invocation to `log`: never the event (it can carry
// passwords); of an answer only CustomMessage's subject and message, which
// hold Cognito's placeholders, not the code. Dev and test tooling only.
const http = require('node:http');
const fs = require('node:fs');
const crypto = require('node:crypto');

const config = JSON.parse(process.env.LAMBDA_SERVICE_CONFIG || '{}');
const handlers = new Map();

function handlerOf(name) {
  if (!handlers.has(name)) handlers.set(name, require(config.functions[name]).handler);
  return handlers.get(name);
}

function context(name) {
  const deadline = Date.now() + 5000;
  return {
    functionName: name,
    awsRequestId: crypto.randomUUID(),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    callbackWaitsForEmptyEventLoop: false,
  };
}

function record(entry) {
  if (config.log)
    fs.appendFileSync(config.log, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
}

const server = http.createServer((req, res) => {
  const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url || '');
  const name = match ? decodeURIComponent(match[1]) : undefined;
  if (req.method !== 'POST' || !name || !config.functions[name]) {
    res.writeHead(404, {
      'Content-Type': 'application/json',
      'x-amzn-ErrorType': 'ResourceNotFoundException',
    });
    res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }));
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let event;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const result = await handlerOf(name)(event, context(name));
      const response = result?.response || {};
      record({
        function: name,
        triggerSource: event.triggerSource,
        userName: event.userName,
        email: event.request?.userAttributes?.email,
        ok: true,
        ...(String(event.triggerSource).startsWith('CustomMessage_')
          ? {
              invitation: event.request.clientMetadata?.invitation,
              emailSubject: response.emailSubject,
              emailMessage: response.emailMessage,
            }
          : {}),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(result === undefined ? null : result));
    } catch (error) {
      record({
        function: name,
        triggerSource: event?.triggerSource,
        userName: event?.userName,
        ok: false,
        error: error?.name,
      });
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Amz-Function-Error': 'Unhandled' });
      res.end(
        JSON.stringify({
          errorMessage: String(error?.message || error),
          errorType: error?.name || 'Error',
        }),
      );
    }
  });
});

server.listen(config.port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
