import { UsageError } from './validateArgs';

/** A parsed command line: the operands in order and the value of each `--flag` given (the last one wins). */
export interface FlagArgs {
  operands: string[];
  flags: Map<string, string>;
}

/**
 * Parses `args` where every option takes a value: `--flag VALUE` or `--flag=VALUE`, `--` ends the options. Only the
 * flags in `known` are accepted; anything else starting with `-` is a {@link UsageError}.
 */
export function parseFlagArgs(args: readonly string[], known: readonly string[]): FlagArgs {
  const out: FlagArgs = { operands: [], flags: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === '--') { out.operands.push(...args.slice(i + 1)); break; }
    if (flag.startsWith('-') && flag !== '-') {
      if (!known.includes(flag)) { throw new UsageError(`unknown option ${flag}`); }
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') { throw new UsageError(`${flag} needs a value`); }
      out.flags.set(flag, value);
    } else {
      out.operands.push(arg);
    }
  }
  return out;
}

/** A positive number from a flag's value (`name` for the message), or undefined when the flag was not given. */
export function positiveNumber(args: FlagArgs, name: string, integer: boolean): number | undefined {
  const raw = args.flags.get(name);
  if (raw === undefined) { return undefined; }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${name} must be a positive ${integer ? 'whole number' : 'number'}, not "${raw}"`);
  }
  return value;
}
