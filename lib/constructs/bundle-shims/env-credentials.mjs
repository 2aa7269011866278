// Bundled in place of `@aws-sdk/credential-provider-node` (lib/constructs/bundling.ts,
// SDK_SHIMS): a Lambda function reads its credentials from the environment the
// runtime sets (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the
// rest of the default chain (SSO, INI files, processes, web identity, instance and
// container metadata) is never used there and only costs every cold start.
// An ES module on purpose: a `require()` of the provider's ES build made esbuild wrap it,
// and every SDK module it reaches, in lazy initialisers that V8 compiles eagerly.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init) => fromEnv(init);
