import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { MutableClock } from '../support/mutable-clock.js';
import { documentStoreContract } from './document-store.contract.js';

documentStoreContract('SqliteDocumentStore', new Set(), async () => {
  const clock = new MutableClock();
  return { store: new SqliteDocumentStore(':memory:', clock), clock };
});
