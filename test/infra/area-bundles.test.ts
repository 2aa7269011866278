import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { esbuildOptions } from '../../lib/constructs/bundling';

const lambdas = path.join(__dirname, '..', '..', 'lambdas');

/** Edits one area's registry file on the way into esbuild, as a developer would edit a row. */
function editRegistry(area: string, edit: (source: string) => string): Plugin {
  const file = path.join(lambdas, area, 'operations.ts');
  return {
    name: `edit-${area}-registry`,
    setup(b) {
      b.onLoad({ filter: /operations\.ts$/ }, (args) =>
        args.path === file ? { contents: edit(readFileSync(file, 'utf8')), loader: 'ts' } : undefined,
      );
    },
  };
}

async function bundle(entry: string, plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    ...esbuildOptions(false),
    entryPoints: [path.join(lambdas, entry)],
    outfile: 'index.js',
    sourcemap: false,
    write: false,
    plugins,
  });
  return result.outputFiles.find((f) => f.path.endsWith('index.js'))?.text ?? '';
}

describe('per-area registries', () => {
  it("keep another area's rows out of a bundle", async () => {
    const profile = await bundle('me/get-profile.ts');

    expect(profile).toContain("The caller's profile");
    expect(profile).not.toContain('USER_PASSWORD_AUTH: tokens');
    expect(profile).not.toContain('/admins/resend-invite');
  });

  it("leave a bundle byte-identical when another area's row changes", async () => {
    const before = await bundle('me/get-profile.ts');
    const after = await bundle('me/get-profile.ts', [
      editRegistry('auth', (s) => s.replace('USER_PASSWORD_AUTH: tokens', 'Sign in: tokens (edited)')),
    ]);
    const ownAreaEdited = await bundle('auth/login.ts', [
      editRegistry('auth', (s) => s.replace('USER_PASSWORD_AUTH: tokens', 'Sign in: tokens (edited)')),
    ]);

    expect(after).toBe(before);
    // The edit does reach its own area's bundle, so the comparison above is meaningful.
    expect(ownAreaEdited).toContain('Sign in: tokens (edited)');
  });
});
