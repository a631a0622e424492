/**
 * Runs tasks one after another, in the order they were queued: a task starts only after every earlier one has
 * settled, and a failed task does not block the next. The jobs model lists and polls through one of these, so a
 * list fetched while a poll runs can never carry older states than the poll just applied.
 */
export class TakeTurns {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.last.then(task, task);
    this.last = result.catch(() => undefined);
    return result;
  }
}
