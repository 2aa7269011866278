/** Reads `--name value` options; anything else is a positional argument. */
export function parseArgs(argv: string[]): { options: Record<string, string>; positional: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      options[name] = inline ?? argv[++i] ?? '';
    } else {
      positional.push(arg);
    }
  }
  return { options, positional };
}

/** Runs `main`, printing an error's message (never its stack) and setting the exit code. */
export function run(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Failed: ${(error as Error).name}: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
