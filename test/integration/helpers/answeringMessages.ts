import * as vscode from 'vscode';

export interface AskedMessage {
  message: string;
  modal: boolean;
  items: string[];
  /** The modal's detail, when it has one. */
  detail?: string;
}

/**
 * The stand-in below reaches only an extension loaded from the tests' own folder, which shares their API object. An
 * installed .vsix (scripts/test-vsix.js sets GEMINI_BATCH_EXPECT_INSTALLED) has its own, so tests that answer its
 * messages are skipped there.
 */
export const messagesAnswerable = !process.env.GEMINI_BATCH_EXPECT_INSTALLED;

type MessageKind = 'showWarningMessage' | 'showInformationMessage' | 'showErrorMessage';

/**
 * Runs `action` while `vscode.window[kind]` is a stand-in that records each message and answers `answer`
 * (undefined: the user dismissed it), so a modal confirmation or a toast can be tested without a person to click it.
 * The test files and the extension share one API object (they live in the same extension folder), which is what
 * makes the stand-in visible to the extension; the original is put back whatever happens.
 */
export async function answering<T>(
  kind: MessageKind,
  answer: string | undefined,
  action: () => Thenable<T>,
): Promise<{ result: T; questions: AskedMessage[] }> {
  const window = vscode.window as unknown as Record<MessageKind, (...args: unknown[]) => Thenable<unknown>>;
  const original = window[kind];
  const questions: AskedMessage[] = [];
  window[kind] = (message: unknown, ...rest: unknown[]) => {
    const options =
      typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0])
        ? (rest.shift() as vscode.MessageOptions)
        : {};
    const items = rest.map((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title));
    questions.push({
      message: String(message),
      modal: Boolean(options.modal),
      items,
      ...(options.detail !== undefined ? { detail: options.detail } : {}),
    });
    // As the real one: the chosen item itself (a string, or a MessageItem whose title is `answer`).
    const index = answer === undefined ? -1 : items.indexOf(answer);
    return Promise.resolve(index >= 0 ? rest[index] : undefined);
  };
  try {
    return { result: await action(), questions };
  } finally {
    window[kind] = original;
  }
}

/** `answering` for warnings: the modal confirmations of Cancel and Delete. */
export function answeringWarnings<T>(
  answer: string | undefined,
  action: () => Thenable<T>,
): Promise<{ result: T; questions: AskedMessage[] }> {
  return answering('showWarningMessage', answer, action);
}
