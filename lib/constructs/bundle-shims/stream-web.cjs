// Bundled in place of `node:stream/web` (lib/constructs/bundling.ts, LAZY_BUILTINS):
// middy's core imports it for response streaming only, which no function uses, and
// loading it costs every cold start about 2.5 ms even after the modules the Lambda
// runtime has loaded. Node loads it on first use instead.
module.exports = {
  get ReadableStream() {
    // biome-ignore lint/style/useNodejsImportProtocol: the bare name escapes the alias to this file
    return require('stream/web').ReadableStream;
  },
};
