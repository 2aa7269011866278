import { SDK_TIMEOUTS } from '../../timeouts';

/** Constructor options every SDK client of the project gets. */
export function sdkClientConfig() {
  return {
    maxAttempts: SDK_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: SDK_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: SDK_TIMEOUTS.requestTimeoutMs,
      // Without it, @smithy/node-http-handler only WARNS when requestTimeout passes and keeps
      // waiting: a stalled DynamoDB held a request forever (found by test/integration/bounded-saga).
      throwOnRequestTimeout: true,
    },
  };
}
