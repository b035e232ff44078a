/**
 * Per-chat FIFO: tasks with the same key run one at a time in the order they
 * were enqueued; tasks of different keys run in parallel. Replies then stay
 * in order within a conversation while one slow chat does not hold up others
 * (the idea of grammY runner's `sequentialize`).
 */
export class ChatQueue {
  readonly #tails = new Map<string, Promise<void>>();
  #pending = 0;
  #waiters: Array<() => void> = [];

  /** Tasks enqueued and not yet finished, over all keys. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Runs `task` after every earlier task of `key` has settled. The returned
   * promise settles when this task has; a rejection of `task` does not stop
   * the queue (the task should handle its own errors).
   */
  enqueue(key: string, task: () => Promise<void>): Promise<void> {
    this.#pending++;
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const tail: Promise<void> = run.then(
      (): void => this.#settle(key, tail),
      (): void => this.#settle(key, tail),
    );
    this.#tails.set(key, tail);
    return run;
  }

  /** Resolves once nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all(this.#tails.values());
  }

  /** Resolves once fewer than `limit` tasks are pending (backpressure for a producer). */
  whenBelow(limit: number): Promise<void> {
    if (this.#pending < limit) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.#pending < limit) resolve();
        else this.#waiters.push(check);
      };
      this.#waiters.push(check);
    });
  }

  #settle(key: string, tail: Promise<void>): void {
    this.#pending--;
    if (this.#tails.get(key) === tail) this.#tails.delete(key);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }
}
