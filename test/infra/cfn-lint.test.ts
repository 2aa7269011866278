import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { configureApp } from '../../lib/app';
import { EVERY_OPTION } from '../support/stack-variants';

/**
 * AWS's CloudFormation linter on the synthesized template, with the default
 * flags and with every option on: any error or warning fails the run. It is
 * on the machine image; when it is missing the test fails and says how to
 * install it (never a silent skip).
 */
const FULLEST = { ...EVERY_OPTION, mfaRequired: 'true' };

function templateOf(context: Record<string, string>): unknown {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = configureApp(app);
  return app.synth().getStackByName(stack.stackName).template;
}

function cfnLint(files: string[]): { status: number | null; output: string; missing: boolean } {
  const run = spawnSync('cfn-lint', ['--format', 'parseable', ...files], { encoding: 'utf8' });
  const missing = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim(), missing };
}

describe('cfn-lint on the synthesized stack', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfn-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['default flags', {}],
    ['every option on', FULLEST],
  ] as const)(
    'reports no error and no warning with %s',
    (_name, context) => {
      const file = path.join(dir, `${_name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, JSON.stringify(templateOf(context)));
      const lint = cfnLint([file]);
      if (lint.missing) {
        throw new Error(
          'cfn-lint is not installed: `pip install cfn-lint` (AWS CloudFormation Linter, Python 3.9+). The machine image has it; npm test needs it.',
        );
      }
      expect(lint.output).toBe('');
      expect(lint.status).toBe(0);
    },
    120_000,
  );
});
