/** The layering rules of DESIGN.md, checked on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'shared/domain holds pure rules: no I/O, no SDKs, nothing from other layers',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { pathNot: '^shared/domain/' },
    },
    {
      name: 'use-cases-use-ports-not-adapters',
      comment: 'use cases and the HTTP layer reach technology only through ports',
      severity: 'error',
      from: { path: '^shared/(tracking|worklogs|rollups|reports|timesheet|identity|orgs|roles|billing|contracts|ports|http)/' },
      to: { path: '^shared/adapters/' },
    },
    {
      name: 'no-sdks-outside-adapters',
      comment: 'Azure SDKs and SQLite belong in adapters (the Functions types in the Azure host aside)',
      severity: 'error',
      from: { path: '^shared/', pathNot: '^shared/(adapters|http/azure-host)' },
      to: { path: 'node_modules/(@azure/(cosmos|service-bus|functions)|better-sqlite3)' },
    },
    {
      name: 'functions-only-register',
      comment: 'functions/ registers triggers; adapters are picked by the composition root (the Service Bus trigger adapter is how Azure calls in, so functions/ may use it)',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^shared/adapters/', pathNot: '^shared/adapters/servicebus/service-bus-trigger' },
    },
    {
      name: 'extension-not-from-backend-code',
      comment: 'the extension may share contracts and domain types, never functions or adapters',
      severity: 'error',
      from: { path: '^extension/' },
      to: { path: '^(functions|shared/adapters)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // .tsx: the extension's React files (imported as .js, like every ESM TypeScript module here).
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
