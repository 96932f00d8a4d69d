/** A small argument parser: positionals, `--name value`, `--name=value` and boolean switches. */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
  /** Every value of a flag given more than once, in order (`options` holds the last). */
  repeated?: Record<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], booleanOptions: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const repeated: Record<string, string[]> = {};
  const set = (name: string, value: string) => {
    options[name] = value;
    (repeated[name] ??= []).push(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (!name) throw new UsageError(`Ogiltig flagga "${arg}".`);
      if (eq !== -1) set(name, arg.slice(eq + 1));
      else if (booleanOptions.has(name)) options[name] = true;
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`Flaggan --${name} behöver ett värde.`);
        set(name, value);
        i++;
      }
    } else positionals.push(arg);
  }
  return { positionals, options, repeated };
}
