import type { ContainerName, Document, Query } from '../../shared/ports/document-store.js';
import { DelegatingStore } from '../../shared/ports/delegating-store.js';

interface Hold {
  at: number;
  reached: () => void;
  released: Promise<void>;
}

/**
 * A store that counts worklog queries and lets a test stop one in its tracks (`hold`) or make
 * one fail (`failAt`), so that what a reader does around it is driven step by step.
 */
export class GatedStore extends DelegatingStore {
  worklogQueries = 0;
  private hold: Hold | undefined;
  private failing: number | undefined;

  /** Holds the `nth` worklog query from now until `release`; `reached` resolves when it starts. */
  holdQuery(nth: number) {
    let release!: () => void;
    let reached!: () => void;
    const started = new Promise<void>((resolve) => (reached = resolve));
    this.hold = { at: this.worklogQueries + nth, reached, released: new Promise((resolve) => (release = resolve)) };
    return { reached: started, release: () => release() };
  }

  /** The `nth` worklog query from now rejects, as a store outage would. */
  failQuery(nth: number) {
    this.failing = this.worklogQueries + nth;
  }

  override async query<T extends Document>(container: ContainerName, query: Query) {
    if (container === 'worklogs') {
      const n = ++this.worklogQueries;
      if (this.failing === n) throw new Error('the store is unreachable');
      if (this.hold?.at === n) {
        this.hold.reached();
        await this.hold.released;
      }
    }
    return this.inner.query<T>(container, query);
  }
}
