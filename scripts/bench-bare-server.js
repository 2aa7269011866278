// The baselines of `npm run bench:api`: a bare node:http server answering
// GET /me with 200 JSON, either after the same aws-jwt-verify RS256 check the
// local API's authorizer runs (mode "verify": CognitoJwtVerifier, JWKS cached,
// issuer, client, token_use, scope, expiry) or with no check at all (mode
// "none"). Plain Node, no tsx, no framework. Config in BENCH_BARE (JSON):
// {port, mode, userPoolId, clientId, jwks}.
const http = require('node:http');
const { CognitoJwtVerifier } = require('aws-jwt-verify');

const config = JSON.parse(process.env.BENCH_BARE);
const verifier =
  config.mode === 'verify'
    ? CognitoJwtVerifier.create({
        userPoolId: config.userPoolId,
        tokenUse: 'access',
        clientId: config.clientId,
        scope: 'aws.cognito.signin.user.admin',
      })
    : undefined;
if (verifier) verifier.cacheJwks(config.jwks);

http
  .createServer(async (req, res) => {
    try {
      let body = { ok: true };
      if (verifier) {
        const header = req.headers.authorization ?? '';
        const claims = await verifier.verify(header.replace(/^Bearer\s+/i, ''));
        body = { sub: claims.sub, username: claims.username };
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    } catch {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"UNAUTHENTICATED"}}');
    }
  })
  .listen(config.port, '127.0.0.1', () => process.send?.('ready'));
