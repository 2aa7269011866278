import { SDK_TIMEOUTS } from '../../timeouts';

/** Constructor options every SDK client of the project gets (`timeouts`: SDK_TIMEOUTS unless said). */
export function sdkClientConfig(
  timeouts: { connectionTimeoutMs: number; requestTimeoutMs: number; maxAttempts: number } = SDK_TIMEOUTS,
) {
  return {
    maxAttempts: timeouts.maxAttempts,
    requestHandler: {
      connectionTimeout: timeouts.connectionTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      // Without it, @smithy/node-http-handler only WARNS when requestTimeout passes and keeps
      // waiting: a stalled DynamoDB held a request forever (found by test/integration/bounded-saga).
      throwOnRequestTimeout: true,
    },
  };
}
