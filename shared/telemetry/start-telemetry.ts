import { createRequire, syncBuiltinESMExports } from 'node:module';

/**
 * OpenTelemetry to Application Insights, in Azure only: traces, dependencies (Azure SDK and
 * HTTP calls) and logs, sent with the app's managed identity. The Functions host itself
 * reports the requests. Without APPLICATIONINSIGHTS_CONNECTION_STRING (locally, in tests)
 * nothing is loaded or exported and logs stay on the console.
 */
export async function startTelemetry(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return false;
  const [{ useAzureMonitor }, { ManagedIdentityCredential }] = await Promise.all([
    import('@azure/monitor-opentelemetry'),
    import('@azure/identity'),
  ]);
  const clientId = aadClientId(env.APPLICATIONINSIGHTS_AUTHENTICATION_STRING);
  useAzureMonitor({
    azureMonitorExporterOptions: {
      connectionString,
      // Identity-based ingestion: the Application Insights resource has local auth disabled.
      ...(clientId ? { credential: new ManagedIdentityCredential({ clientId }) } : {}),
    },
  });
  await instrumentBundledModules();
  return true;
}

/** `Authorization=AAD;ClientId=<id>`, the form the Functions host reads too. */
export function aadClientId(authenticationString: string | undefined): string | undefined {
  const parts = new Map(
    (authenticationString ?? '').split(';').map((part) => {
      const [key = '', ...value] = part.split('=');
      return [key.trim().toLowerCase(), value.join('=').trim()] as const;
    }),
  );
  return parts.get('authorization')?.toUpperCase() === 'AAD' ? parts.get('clientid') || undefined : undefined;
}

/**
 * OpenTelemetry patches modules as they are `require`d; in the esbuild bundle the Azure SDKs
 * are never required, so the Azure SDK instrumenter is handed to the bundled core-tracing
 * directly, and Node's http/https are required once so that the HTTP instrumentation wraps them.
 */
async function instrumentBundledModules() {
  const [coreTracing, { AzureSdkInstrumentation }] = await Promise.all([
    import('@azure/core-tracing'),
    import('@azure/opentelemetry-instrumentation-azure-sdk'),
  ]);
  for (const definition of new AzureSdkInstrumentation({ enabled: false }).getModuleDefinitions()) {
    definition.patch?.(coreTracing);
  }
  const require = createRequire(import.meta.url);
  require('node:http');
  require('node:https');
  syncBuiltinESMExports();
}
