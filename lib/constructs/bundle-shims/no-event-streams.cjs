// Bundled in place of `@smithy/core/event-streams` (lib/constructs/bundling.ts, SDK_SHIMS):
// the SDK's HTTP protocol imports it dynamically, for operations that stream events, which
// none of these functions call. esbuild keeps a dynamically imported module apart by wrapping
// it and everything it reaches in lazy initialisers, which V8 then compiles eagerly at every
// cold start (most of @smithy/core); with this stand-in only the stand-in is wrapped.
const unused = () => {
  throw new Error('AWS SDK event streams are not bundled: no function of this project uses them.');
};

exports.EventStreamSerde = unused;
exports.eventStreamSerdeProvider = unused;
