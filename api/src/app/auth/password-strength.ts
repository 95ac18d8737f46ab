import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What zxcvbn says of a password: its score (0..4) and why it is weak. */
export interface StrengthVerdict {
  score: number;
  warning: string | null;
  suggestions: string[];
}

/** How long the estimator's worker stays up after its last check. */
export const STRENGTH_WORKER_IDLE_MS = 30_000;

/**
 * The estimator runs in a worker thread. zxcvbn's dictionaries are ~23 MB of live heap once
 * loaded (10 MB for the language packs, 13 MB for the ranked dictionaries): in the API's own
 * heap they would stay for the life of the process, although passwords are checked only when
 * someone sets one, and V8 sizes its next collection by the live heap, so every request would
 * pay for them in peak memory. The worker loads them on the first check and exits when idle.
 *
 * The worker's code is a string (the API ships as one bundle) that requires the packages by
 * the absolute paths resolved here, so it finds them from wherever the process started.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { ZxcvbnFactory } = require(workerData.core);
const common = require(workerData.common);
const english = require(workerData.english);
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});
parentPort.on('message', ({ id, password, inputs }) => {
  try {
    const result = estimator.check(password, inputs);
    parentPort.postMessage({
      id,
      verdict: {
        score: result.score,
        warning: result.feedback.warning || null,
        suggestions: result.feedback.suggestions,
      },
    });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

interface Pending {
  resolve: (verdict: StrengthVerdict) => void;
  reject: (error: Error) => void;
}

interface Answer {
  id: number;
  verdict?: StrengthVerdict;
  error?: string;
}

/** One worker at a time, started on demand, ended after STRENGTH_WORKER_IDLE_MS without a check. */
export class PasswordStrength {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = STRENGTH_WORKER_IDLE_MS) {}

  /** zxcvbn's verdict on `password`, with `inputs` as extra guessable words. */
  check(password: string, inputs: readonly string[]): Promise<StrengthVerdict> {
    const worker = this.running();
    this.stopIdleTimer();
    const id = this.nextId++;
    return new Promise<StrengthVerdict>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, password, inputs: [...inputs] });
    });
  }

  /** Whether the worker is up (for tests). */
  get active(): boolean {
    return this.worker !== null;
  }

  /** Ends the worker now; checks in flight fail. */
  async close(): Promise<void> {
    this.stopIdleTimer();
    const worker = this.worker;
    if (!worker) return;
    this.failAll(worker, new Error('the password estimator was stopped'));
    await worker.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const resolveFrom = createRequire(__filename);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        core: resolveFrom.resolve('@zxcvbn-ts/core'),
        common: resolveFrom.resolve('@zxcvbn-ts/language-common'),
        english: resolveFrom.resolve('@zxcvbn-ts/language-en'),
      },
    });
    worker.on('message', (answer: Answer) => this.answered(answer));
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) => {
      this.failAll(worker, new Error(`the password estimator stopped (exit code ${code})`));
    });
    // A worker waiting for work must not keep the process (or a test run) alive. After the
    // listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private answered(answer: Answer): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    if (answer.verdict) pending.resolve(answer.verdict);
    else pending.reject(new Error(answer.error ?? 'the password estimator gave no answer'));
    if (this.pending.size === 0) this.startIdleTimer();
  }

  /** The current worker failed or stopped: its checks fail. A worker already replaced is past. */
  private failAll(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const pending of waiting) pending.reject(error);
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
