import * as vscode from 'vscode';
import { Redactor } from '../core/util/redactor';

/** How many of the last lines the log keeps in memory, so integration tests can read what the channel got. */
const KEPT_LINES = 2000;

/**
 * The extension's one log: the LogOutputChannel "Gemini Batch", created first in activate().
 * Every line passes through `scrub`, so a secret registered with `redact` (an API key) can never reach the channel.
 */
export interface Log extends vscode.LogOutputChannel {
  /** The last lines written, as the channel got them (level, then the scrubbed text). */
  recentLines(): string[];
  /** From now on, `secret` is replaced by `***` in every line and in `scrub`. */
  redact(secret: string): void;
  /** `text` with every redacted secret replaced. */
  scrub(text: string): string;
}

export function createLog(context: vscode.ExtensionContext): Log {
  const log = new RecordingLog(vscode.window.createOutputChannel('Gemini Batch', { log: true }));
  context.subscriptions.push(log);
  return log;
}

function format(message: string | Error, args: unknown[]): string {
  const head = message instanceof Error ? (message.stack ?? message.message) : message;
  return [head, ...args.map(argText)].join(' ');
}

function argText(arg: unknown): string {
  if (arg instanceof Error) {
    return arg.message;
  }
  return typeof arg === 'string' ? arg : JSON.stringify(arg);
}

class RecordingLog implements Log {
  private readonly lines: string[] = [];
  private readonly redactor = new Redactor();

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  get name(): string {
    return this.channel.name;
  }
  get logLevel(): vscode.LogLevel {
    return this.channel.logLevel;
  }
  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.channel.onDidChangeLogLevel;
  }

  recentLines(): string[] {
    return [...this.lines];
  }

  redact(secret: string): void {
    this.redactor.add(secret);
  }

  scrub(text: string): string {
    return this.redactor.scrub(text);
  }

  trace(message: string, ...args: unknown[]): void {
    this.channel.trace(this.keep('trace', format(message, args)));
  }
  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(this.keep('debug', format(message, args)));
  }
  info(message: string, ...args: unknown[]): void {
    this.channel.info(this.keep('info', format(message, args)));
  }
  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(this.keep('warn', format(message, args)));
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.channel.error(this.keep('error', format(message, args)));
  }
  append(value: string): void {
    this.channel.append(this.keep('raw', value));
  }
  appendLine(value: string): void {
    this.channel.appendLine(this.keep('raw', value));
  }
  replace(value: string): void {
    this.channel.replace(this.keep('raw', value));
  }
  clear(): void {
    this.channel.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) {
      this.channel.show(columnOrPreserveFocus);
    } else {
      this.channel.show(columnOrPreserveFocus, preserveFocus);
    }
  }
  hide(): void {
    this.channel.hide();
  }
  dispose(): void {
    this.channel.dispose();
  }

  private keep(level: string, text: string): string {
    const clean = this.scrub(text);
    this.lines.push(`${level} ${clean}`);
    if (this.lines.length > KEPT_LINES) {
      this.lines.splice(0, this.lines.length - KEPT_LINES);
    }
    return clean;
  }
}
