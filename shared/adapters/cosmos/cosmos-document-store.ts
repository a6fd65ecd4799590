import { CosmosClient, type Container, type IndexingPolicy, type JSONObject } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type {
  BatchOperation,
  ContainerName,
  Document,
  DocumentStore,
  Query,
  Stored,
} from '../../ports/document-store.js';
import { fromCosmos, ifMatchOption, statusOf, storeError, toCosmos, toOperationInput } from './cosmos-mapping.js';
import { toCosmosSql } from './cosmos-query.js';

export interface CosmosStoreOptions {
  endpoint: string;
  /** Account key; without one the store signs in with DefaultAzureCredential (managed identity). */
  key?: string;
  database: string;
  /** Off for emulators that advertise an unreachable endpoint (cosmosdb-server says https). */
  endpointDiscovery?: boolean;
}

const CONTAINERS: ContainerName[] = ['orgs', 'worklogs', 'subscriptions'];

/**
 * Cosmos serves an ORDER BY on two fields only from a composite index: keyset pages order
 * by (timestamp, id). infra/app/cosmos.bicep declares the same policy.
 */
const byTimestampThenId = (order: 'ascending' | 'descending') => [
  { path: '/timestamp', order },
  { path: '/id', order },
];
/** OData's expansions read worklogs by work item, then (timestamp, id) (odata/expand-worklogs.ts). */
const byWorkItemThenTimestamp = [{ path: '/workItemId', order: 'ascending' as const }, ...byTimestampThenId('ascending')];
/**
 * Nothing is queried inside rollup cells and totals or a batch intent's operations: indexing
 * them would make every rollup write cost index terms for hundreds of values.
 */
export const UNQUERIED_PATHS = ['/"_etag"/?', '/cells/*', '/totals/*', '/operations/*'];
const INDEXING_POLICY: IndexingPolicy = {
  includedPaths: [{ path: '/*' }],
  excludedPaths: UNQUERIED_PATHS.map((path) => ({ path })),
  compositeIndexes: [byTimestampThenId('ascending'), byTimestampThenId('descending'), byWorkItemThenTimestamp],
};

/** The cloud document store: Cosmos DB for NoSQL through @azure/cosmos. */
export class CosmosDocumentStore implements DocumentStore {
  readonly maxBatchOperations = 100;
  private readonly client: CosmosClient;

  constructor(private readonly options: CosmosStoreOptions) {
    const auth = options.key ? { key: options.key } : { aadCredentials: new DefaultAzureCredential() };
    this.client = new CosmosClient({
      endpoint: options.endpoint,
      ...auth,
      connectionPolicy: { enableEndpointDiscovery: options.endpointDiscovery ?? true },
    });
  }

  static async connect(options: CosmosStoreOptions): Promise<CosmosDocumentStore> {
    const store = new CosmosDocumentStore(options);
    await store.init();
    return store;
  }

  /** defaultTtl -1 turns TTL on without a default, so that only documents with `ttl` expire. */
  async init(): Promise<void> {
    const { database } = await this.client.databases.createIfNotExists({ id: this.options.database });
    for (const id of CONTAINERS) {
      await database.containers.createIfNotExists({ id, partitionKey: { paths: ['/pk'] }, defaultTtl: -1, indexingPolicy: INDEXING_POLICY });
    }
  }

  async read<T extends Document>(container: ContainerName, pk: string, id: string) {
    try {
      const { resource } = await this.container(container).item(id, pk).read<JSONObject>();
      return resource ? fromCosmos<T>(resource) : undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async query<T extends Document>(container: ContainerName, query: Query): Promise<Stored<T>[]> {
    if (query.limit === 0) return [];
    const { spec, skip } = toCosmosSql(query);
    const partition = 'pk' in query.partition ? { partitionKey: query.partition.pk } : {};
    const { resources } = await this.container(container).items.query<JSONObject>(spec, partition).fetchAll();
    return resources.slice(skip).map((resource) => fromCosmos<T>(resource));
  }

  async create<T extends Document>(container: ContainerName, doc: T) {
    return this.write<T>(doc.id, 'create', () => this.container(container).items.create(toCosmos(doc)));
  }

  async upsert<T extends Document>(container: ContainerName, doc: T) {
    return this.write<T>(doc.id, 'upsert', () => this.container(container).items.upsert(toCosmos(doc)));
  }

  async replace<T extends Document>(container: ContainerName, doc: T, ifMatch?: string) {
    const item = this.container(container).item(doc.id, doc.pk);
    return this.write<T>(doc.id, 'replace', () => item.replace(toCosmos(doc), ifMatchOption(ifMatch)));
  }

  async delete(container: ContainerName, pk: string, id: string, ifMatch?: string) {
    try {
      await this.container(container).item(id, pk).delete(ifMatchOption(ifMatch));
    } catch (error) {
      throw storeError(statusOf(error), id, 'delete') ?? error;
    }
  }

  async batch(container: ContainerName, pk: string, operations: BatchOperation[]) {
    if (operations.length > this.maxBatchOperations) {
      throw new RangeError(`a batch holds at most ${this.maxBatchOperations} operations`);
    }
    if (operations.length === 0) return;
    const inputs = operations.map((operation) => toOperationInput(operation, pk));
    const response = await this.container(container).items.batch(inputs, pk);
    // The failing operation reports its own status; the ones it blocked report 424.
    const results = response.result ?? [];
    const index = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
    const failed = operations[index];
    if (!failed) return;
    const status = results[index]?.statusCode;
    const id = failed.op === 'delete' ? failed.id : failed.doc.id;
    throw storeError(status, id, failed.op) ?? new Error(`batch operation on ${id} failed with status ${status}`);
  }

  async close() {
    this.client.dispose();
  }

  private container(name: ContainerName): Container {
    return this.client.database(this.options.database).container(name);
  }

  private async write<T extends Document>(
    id: string,
    op: BatchOperation['op'],
    run: () => Promise<{ resource?: JSONObject }>,
  ): Promise<Stored<T>> {
    let resource: JSONObject | undefined;
    try {
      ({ resource } = await run());
    } catch (error) {
      throw storeError(statusOf(error), id, op) ?? error;
    }
    if (!resource) throw new Error(`Cosmos returned no document for ${id}`);
    return fromCosmos<T>(resource);
  }
}
