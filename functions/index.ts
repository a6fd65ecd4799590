import { startTelemetry } from '../shared/telemetry/start-telemetry.js';
import azure from '@azure/functions';

// Telemetry before anything else runs: in Azure it exports to Application Insights, elsewhere it does nothing.
await startTelemetry();

// HTTP streams: exports answer files of any size chunk by chunk (shared/http/azure-host.ts).
azure.app.setup({ enableHttpStream: true });
