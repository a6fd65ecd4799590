import { describe, expect, it } from 'vitest';
import { aadClientId, startTelemetry } from '../../shared/telemetry/start-telemetry.js';

describe('telemetry', () => {
  it('does_nothing_without_an_application_insights_connection_string', async () => {
    expect(await startTelemetry({})).toBe(false);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('opentelemetry.js.api.1')]).toBeUndefined();
  });

  it('reads_the_managed_identity_client_id_from_the_authentication_string', () => {
    expect(aadClientId('Authorization=AAD;ClientId=1234')).toBe('1234');
    expect(aadClientId('ClientId=1234; Authorization=aad')).toBe('1234');
    expect(aadClientId('Authorization=AAD')).toBeUndefined();
    expect(aadClientId(undefined)).toBeUndefined();
  });
});
