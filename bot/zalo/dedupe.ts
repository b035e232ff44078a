/**
 * Zalo has no update id and its redelivery policy is undocumented, so every
 * update is checked against `event_name:message_id` before it is processed.
 * The app backs this by the database; {@link MemoryDedupe} is for tests and
 * single-process use.
 */
export interface ZaloDedupe {
  /**
   * Records `key` and returns true if this is the first time it is seen
   * (process the update); false for a duplicate (acknowledge, skip).
   */
  seen(key: string): Promise<boolean>;
}

export interface MemoryDedupeOptions {
  /** How long a key is remembered. Default 10 minutes (other Zalo bots use 8 s to 10 min). */
  ttlMs?: number;
  /** Oldest keys are forgotten beyond this many. Default 50 000. */
  maxEntries?: number;
  /** Injectable clock (ms). */
  now?: () => number;
}

export class MemoryDedupe implements ZaloDedupe {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  /** key → expiry; Map keeps insertion order, which is expiry order since the TTL is constant. */
  readonly #expiries = new Map<string, number>();

  constructor(options: MemoryDedupeOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#maxEntries = options.maxEntries ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  seen(key: string): Promise<boolean> {
    const now = this.#now();
    this.#sweep(now);
    if (this.#expiries.has(key)) return Promise.resolve(false);
    this.#expiries.set(key, now + this.#ttlMs);
    return Promise.resolve(true);
  }

  get size(): number {
    return this.#expiries.size;
  }

  #sweep(now: number): void {
    for (const [key, expiry] of this.#expiries) {
      if (expiry > now && this.#expiries.size <= this.#maxEntries) break;
      this.#expiries.delete(key);
    }
  }
}
