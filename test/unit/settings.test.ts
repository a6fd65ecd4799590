import { describe, expect, it } from 'vitest';
import { SettingsError, loadSettings } from '../../shared/config/settings.js';

describe('settings', () => {
  it('fall back to the embedded defaults when nothing is set', () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({ PORT: 7071, DATA_DIR: '.data' });
    expect(settings.COSMOS_ENDPOINT).toBeUndefined();
    expect(settings.DEVOPS_BASE_URL).toBeUndefined();
  });

  it('name every bad or missing setting at once', () => {
    let error: unknown;
    try {
      loadSettings({ PORT: 'eighty', COSMOS_ENDPOINT: 'https://acct.documents.azure.com', SESSION_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const message = (error as SettingsError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('SESSION_SECRET: must be at least 32');
    expect(message).toContain('APP_TOKEN_SECRET: is required');
  });

  it('treat an empty variable as unset', () => {
    expect(loadSettings({ PORT: '' }).PORT).toBe(7071);
  });
});
