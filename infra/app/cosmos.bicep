// Cosmos DB for NoSQL, serverless, keys off (the app signs in with its identity).
// One container per name the code uses (shared/ports/document-store.ts), partitioned on
// the path the Cosmos adapter writes. defaultTtl -1 turns TTL on with no default: only
// documents that carry a `ttl` (an uninstalled org's, after 365 days) expire.
param accountName string
param location string
param tags object
param databaseName string
param containerNames array
param partitionKeyPath string

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: location, failoverPriority: 0, isZoneRedundant: false }
    ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: [
      { name: 'EnableServerless' }
    ]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for containerName in containerNames: {
  parent: database
  name: containerName
  properties: {
    resource: {
      id: containerName
      partitionKey: { paths: [ partitionKeyPath ], kind: 'Hash' }
      defaultTtl: -1
      // Keyset pages order by (timestamp, id): Cosmos serves that only from a composite
      // index. The Cosmos adapter creates the same policy (cosmos-document-store.ts).
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [ { path: '/*' } ]
        // Rollup cells and totals and batch intents' operations are never queried (cosmos-document-store.ts).
        excludedPaths: [ { path: '/"_etag"/?' }, { path: '/cells/*' }, { path: '/totals/*' }, { path: '/operations/*' } ]
        compositeIndexes: [
          [ { path: '/timestamp', order: 'ascending' }, { path: '/id', order: 'ascending' } ]
          [ { path: '/timestamp', order: 'descending' }, { path: '/id', order: 'descending' } ]
          // OData's expansions: a work item's worklogs in (workItemId, timestamp, id) order.
          [ { path: '/workItemId', order: 'ascending' }, { path: '/timestamp', order: 'ascending' }, { path: '/id', order: 'ascending' } ]
        ]
      }
    }
  }
}]

output accountName string = cosmos.name
output endpoint string = cosmos.properties.documentEndpoint
