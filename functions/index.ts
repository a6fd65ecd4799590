import { startTelemetry } from '../shared/telemetry/start-telemetry.js';
import azure from '@azure/functions';

// Telemetry before anything else runs: in Azure it exports to Application Insights, elsewhere it does nothing.
await startTelemetry();

azure.app.setup({ enableHttpStream: false });
