import { Client } from '@smithy/core/client';

/** One AWS SDK call as it starts: the client's and the command's class names, and its outcome. */
export interface SdkCall {
  client: string;
  /** The client object itself (tests tell their emulators' clients apart by it). */
  target: object;
  command: string;
  result: Promise<unknown>;
}

const listeners = new Set<(call: SdkCall) => void>();
let installed = false;

/**
 * Calls `listener` as every AWS SDK call of this process starts (one `send`,
 * its SDK retries included), by wrapping the SDK's one `Client.prototype.send`
 * once — in local tools and tests only, never in a bundle. Returns the way to stop.
 */
export function onSdkCall(listener: (call: SdkCall) => void): () => void {
  if (!installed) {
    installed = true;
    const send = Client.prototype.send;
    Client.prototype.send = function observed(this: object, ...args: unknown[]) {
      // biome-ignore lint/suspicious/noExplicitAny: the SDK's own overloads, passed through unchanged
      const result = (send as any).apply(this, args);
      if (listeners.size > 0 && result && typeof result.then === 'function') {
        const call = {
          client: this.constructor.name,
          target: this,
          command: (args[0] as object).constructor.name,
          result: result as Promise<unknown>,
        };
        for (const each of listeners) each(call);
      }
      return result;
    } as typeof send;
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
