/**
 * An in-process worker queue: tasks with the same key (a chat) run one at a time, in the order they were pushed;
 * tasks of different keys run concurrently, at most `concurrency` at once. Used behind the webhook, which answers
 * Telegram at once and leaves the handling to this queue.
 */
export class KeyedQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private pendingCount = 0;
  private idle: Array<() => void> = [];

  constructor(
    private readonly concurrency = 32,
    private readonly maxPending = 10_000,
  ) {}

  /** Tasks queued or running. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Whether another task would be accepted. */
  get hasRoom(): boolean {
    return this.pendingCount < this.maxPending;
  }

  /** Queues a task; false when the queue is full. The task's errors are its own business: they are swallowed. */
  push(key: string, task: () => Promise<void>): boolean {
    if (!this.hasRoom) return false;
    this.pendingCount++;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      await this.acquire();
      try {
        await task();
      } catch {
        // The task logs its own failures.
      } finally {
        this.release();
      }
    });
    this.chains.set(key, run);
    void run.finally(() => {
      this.pendingCount--;
      if (this.chains.get(key) === run) this.chains.delete(key);
      if (this.pendingCount === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
    return true;
  }

  /** Resolves true when every queued task has finished, false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.pendingCount === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
