import { Worker } from 'node:worker_threads';

/** One request of a plan; `user` indexes the tokens of the side being measured. */
export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  user: number;
}

export interface PhaseJob {
  url: string;
  tokens: string[];
  concurrency: number;
  requests: PlannedRequest[];
}

export interface PhaseResult {
  /** Milliseconds per request, in plan order. */
  latencies: Float64Array;
  seconds: number;
  errors: number;
  firstError?: string;
}

/** The worker runs TypeScript too: it registers tsx's loader before importing the driver code. */
function startWorker() {
  const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./load-worker.ts', import.meta.url).href)}); })`;
  return new Worker(code, { eval: true });
}

/** The main thread's handle on the load worker: one phase at a time. */
export class LoadDriver {
  private readonly worker = startWorker();
  private pending?: { resolve: (r: PhaseResult) => void; reject: (e: Error) => void; what: string };
  private broken?: Error;

  constructor(private readonly concurrency: number) {
    this.worker.on('message', (message: PhaseResult | { failed: string }) => {
      const pending = this.pending;
      this.pending = undefined;
      if ('failed' in message) pending?.reject(new Error(`load worker: ${message.failed}`));
      else if (message.errors) pending?.reject(new Error(`${message.errors} ${pending.what} failed; first: ${message.firstError}`));
      else pending?.resolve(message);
    });
    this.worker.on('error', (error) => {
      this.broken = error;
      this.pending?.reject(error);
    });
    this.worker.on('exit', (code) => {
      this.broken ??= new Error(`the load worker exited (${code})`);
      this.pending?.reject(this.broken);
    });
  }

  run(url: string, tokens: string[], requests: PlannedRequest[], concurrency = this.concurrency): Promise<PhaseResult> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.pending) throw new Error('one phase at a time');
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, what: `of ${requests.length} requests to ${url}` };
      this.worker.postMessage({ url, tokens, concurrency, requests } satisfies PhaseJob);
    });
  }

  async close() {
    await this.worker.terminate();
  }
}
