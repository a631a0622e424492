import * as vscode from 'vscode';

export interface AskedWarning {
  message: string;
  modal: boolean;
  items: string[];
}

/**
 * Runs `action` while `vscode.window.showWarningMessage` is a stand-in that records each question and answers
 * `answer` (undefined: the user dismissed it), so a modal confirmation can be tested without a person to click it.
 * The test files and the extension share one API object (they live in the same extension folder), which is what
 * makes the stand-in visible to the extension; the original is put back whatever happens.
 */
export async function answeringWarnings<T>(answer: string | undefined, action: () => Thenable<T>): Promise<{ result: T; questions: AskedWarning[] }> {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const questions: AskedWarning[] = [];
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null ? (rest.shift() as vscode.MessageOptions) : {};
    const items = rest.map((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title));
    questions.push({ message: String(message), modal: Boolean(options.modal), items });
    return Promise.resolve(items.includes(answer ?? '\u0000') ? answer : undefined);
  };
  try {
    return { result: await action(), questions };
  } finally {
    window.showWarningMessage = original;
  }
}
