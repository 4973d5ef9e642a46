/** At most `size` tasks at once; the others wait their turn in order (in this process). */
export class Semaphore {
  #active = 0;
  readonly #waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.size) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}

/**
 * How many tasks each caller has running (in this process), refusing one beyond `max`:
 * `tryEnter(key)` gives a release function, or undefined when the caller is at its limit.
 */
export class PerCallerLimit {
  readonly #running = new Map<string, number>();
  constructor(readonly max: number) {}

  tryEnter(key: string): (() => void) | undefined {
    const n = this.#running.get(key) ?? 0;
    if (n >= this.max) return undefined;
    this.#running.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#running.get(key) ?? 1) - 1;
      if (left <= 0) this.#running.delete(key);
      else this.#running.set(key, left);
    };
  }
}
