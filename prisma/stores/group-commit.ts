/**
 * Writes asked for one at a time, carried out together (group commit): the
 * first goes at once in a statement of its own; those that come while it is
 * being written go together in the next, and so on. A lone write waits for
 * nothing; hundreds a second (a paid broadcast) cost one statement per round
 * trip instead of one each. Each caller gets its own item's answer, or the
 * statement's error.
 */
export class GroupCommit<Item, Answer> {
  readonly #waiting: { item: Item; resolve: (a: Answer) => void; reject: (err: unknown) => void }[] = [];
  #writing = false;

  /** `write` carries out a batch (at most `max` items) and answers each item, in order. */
  constructor(
    private readonly write: (items: Item[]) => Promise<Answer[]>,
    private readonly max = 500,
  ) {}

  add(item: Item): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length) {
        const batch = this.#waiting.splice(0, this.max);
        try {
          const answers = await this.write(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(answers[i]!));
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.#writing = false;
    }
  }
}
