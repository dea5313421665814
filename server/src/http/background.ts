// Work that runs after a request was answered (a spam report today; mail later): tracked, so the
// app waits for it before closing the database, and tests can wait for it instead of sleeping.
export class BackgroundTasks {
  readonly #running = new Set<Promise<unknown>>();

  /** Tracks a task until it settles. It must handle its own errors (it is never awaited by a request). */
  add(task: Promise<unknown>): void {
    const tracked = task.finally(() => this.#running.delete(tracked));
    this.#running.add(tracked);
  }

  /** Resolves once every task started so far has settled. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}
