import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FidelityBackend } from '../../local/emulators/fidelity';
import { onSdkCall } from '../../local/sdk-calls';

/**
 * When `npm run docs:fidelity` runs the suites (FIDELITY_CALLS_DIR set), notes
 * each Cognito API call the test file makes and whether it answered, by backend
 * (`backendOf` tells the file's clients apart), and writes them at the end:
 * docs/fidelity.md says "as Cognito" only for an API some check called there.
 */
export function recordFidelityCalls(backendOf: (client: object) => FidelityBackend | undefined): void {
  const dir = process.env.FIDELITY_CALLS_DIR;
  if (!dir) return;
  const calls: Array<{ backend: FidelityBackend; api: string; ok: boolean }> = [];
  let stop: () => void = () => undefined;
  beforeAll(() => {
    stop = onSdkCall(({ client, target, command, result }) => {
      const backend = client === 'CognitoIdentityProviderClient' ? backendOf(target) : undefined;
      if (!backend) return;
      const api = command.replace(/Command$/, '');
      result.then(
        () => calls.push({ backend, api, ok: true }),
        () => calls.push({ backend, api, ok: false }),
      );
    });
  });
  afterAll(() => {
    stop();
    writeFileSync(path.join(dir, `${randomUUID()}.json`), JSON.stringify(calls));
  });
}
