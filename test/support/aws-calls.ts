import { onSdkCall } from '../../local/sdk-calls';

/**
 * One AWS API call an SDK client made (or one port call): service, operation,
 * and when it started and settled, on a logical clock (a counter of starts and
 * settlements), so calls in flight together always overlap.
 */
export interface AwsCall {
  service: string;
  operation: string;
  start: number;
  end: number;
}

const SERVICES: Record<string, string> = {
  CognitoIdentityProviderClient: 'Cognito',
  DynamoDBClient: 'DynamoDB',
  SecretsManagerClient: 'SecretsManager',
  SESv2Client: 'SES',
};

let sink: AwsCall[] | undefined;
let tick = 0;
const now = () => ++tick;
let installed = false;

/** Records every AWS SDK call of this process into `sink` while `recordAwsCalls` runs. */
function install(): void {
  if (installed) return;
  installed = true;
  onSdkCall(({ client, command, result }) => {
    if (!sink) return;
    const call: AwsCall = {
      service: SERVICES[client] ?? client,
      operation: command.replace(/Command$/, ''),
      start: now(),
      end: Number.NaN,
    };
    sink.push(call);
    const settle = () => {
      call.end = now();
    };
    result.then(settle, settle);
  });
}

/** The AWS calls made while `action` ran (and settled before it did). */
export async function recordAwsCalls<T>(action: () => Promise<T>): Promise<{ result: T; calls: AwsCall[] }> {
  install();
  const calls: AwsCall[] = [];
  sink = calls;
  try {
    return { result: await action(), calls };
  } finally {
    sink = undefined;
  }
}

/**
 * The longest chain of calls each of which started after the previous one
 * settled: the round trips a caller waits for in sequence. (The greatest set of
 * pairwise non-overlapping intervals, taken greedily by earliest end.)
 */
export function sequentialDepth(calls: readonly AwsCall[]): number {
  let depth = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const call of [...calls].sort((a, b) => a.end - b.end)) {
    if (call.start >= last) {
      depth += 1;
      last = call.end;
    }
  }
  return depth;
}

/**
 * The calls in the order they ran, as `Service Operation` steps: calls that
 * were in flight together share a step, joined by ` ∥ `.
 */
export function callSteps(calls: readonly AwsCall[]): string[] {
  const steps: AwsCall[][] = [];
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    const current = steps.at(-1);
    if (current && call.start < Math.min(...current.map((c) => c.end))) current.push(call);
    else steps.push([call]);
  }
  return steps.map((step) => step.map((c) => `${c.service} ${c.operation}`).join(' ∥ '));
}

/**
 * `target` with every method recorded into `log` as a call of `service`:
 * for use-case tests on the fakes, whose ports stand for AWS calls.
 */
export function recordingPort<T extends object>(service: string, target: T, log: AwsCall[]): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const call: AwsCall = { service, operation: String(key), start: now(), end: Number.NaN };
        log.push(call);
        const settle = () => {
          call.end = now();
        };
        const result = value.apply(object, args);
        Promise.resolve(result).then(settle, settle);
        return result;
      };
    },
  });
}
