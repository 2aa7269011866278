/**
 * The composition root: one module per family of ports under `core/deps/`
 * (Cognito, tables, platform, saga bundles, caller gates), the only code that
 * reads the mock-mode switch. Adding a port touches its family's file;
 * handlers import from here. A family module unused by a handler is
 * tree-shaken as a whole, and the bundle test proves the fakes and unused SDK
 * clients stay out of deployed bundles.
 */
export * from './deps/cognito';
export * from './deps/gates';
export * from './deps/platform';
export * from './deps/sagas';
export * from './deps/tables';
