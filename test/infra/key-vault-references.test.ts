import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../shared/config/settings.js';

describe('Key Vault references in app settings', () => {
  it('settings_refuse_a_reference_azure_could_not_resolve_and_name_the_setting', () => {
    // Azure leaves an unresolvable reference as its literal text: long enough to pass as a secret.
    const env = { SESSION_SECRET: '@Microsoft.KeyVault(SecretUri=https://kv-timehub.vault.azure.net/secrets/session-secret/)' };
    expect(() => loadSettings(env)).toThrow(/SESSION_SECRET: its Key Vault reference did not resolve/);
  });

  it('settings_accept_the_resolved_value', () => {
    expect(loadSettings({ SESSION_SECRET: 'x'.repeat(40) }).SESSION_SECRET).toBe('x'.repeat(40));
  });
});
