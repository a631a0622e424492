/** A command line the CLI cannot run; the message says why. */
export class UsageError extends Error {
  readonly kind = 'usage';
}

/** A parsed command line: the operands in order and the value of each `--flag` given (the last one wins). */
export interface FlagArgs {
  operands: string[];
  /** Valued flags map to their value; switches given map to the empty string. */
  flags: Map<string, string>;
}

/**
 * The one parser of every CLI command: `--flag VALUE` or `--flag=VALUE` for the flags in `valued`, bare `--flag` for
 * those in `switches`, `--` ends the options, `-` is an operand (stdin). Anything else starting with `-` is a
 * {@link UsageError}, as is a missing value or a value given to a switch.
 */
export function parseFlagArgs(
  args: readonly string[],
  valued: readonly string[],
  switches: readonly string[] = [],
): FlagArgs {
  const out: FlagArgs = { operands: [], flags: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (!flag.startsWith('-') || flag === '-') {
      out.operands.push(arg);
    } else if (switches.includes(flag)) {
      if (eq !== -1) {
        throw new UsageError(`${flag} takes no value`);
      }
      out.flags.set(flag, '');
    } else if (valued.includes(flag)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') {
        throw new UsageError(`${flag} needs a value`);
      }
      out.flags.set(flag, value);
    } else {
      throw new UsageError(`unknown option ${flag}`);
    }
  }
  return out;
}

/** A flag's value when it is one of `allowed` (`what` names them in the message), else a {@link UsageError}. */
export function oneOf<T extends string>(args: FlagArgs, name: string, allowed: readonly T[], fallback: T): T {
  const raw = args.flags.get(name);
  if (raw === undefined) {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(raw)) {
    const names =
      allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : allowed[0];
    throw new UsageError(`${name} must be ${names}, not "${raw}"`);
  }
  return raw as T;
}

/** A positive number from a flag's value (`name` for the message), or undefined when the flag was not given. */
export function positiveNumber(args: FlagArgs, name: string, integer: boolean): number | undefined {
  const raw = args.flags.get(name);
  if (raw === undefined) {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${name} must be a positive ${integer ? 'whole number' : 'number'}, not "${raw}"`);
  }
  return value;
}
