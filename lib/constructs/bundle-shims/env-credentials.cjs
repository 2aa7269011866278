// Bundled in place of `@aws-sdk/credential-provider-node` (lib/constructs/bundling.ts,
// BUNDLE_SHIMS): a Lambda function reads its credentials from the environment the
// runtime sets (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the
// rest of the default chain (SSO, INI files, processes, web identity, instance and
// container metadata) is never used there and only costs every cold start.
const { fromEnv } = require('@aws-sdk/credential-provider-env');

exports.defaultProvider = (init) => fromEnv(init);
