import { describe, expect, it } from 'vitest';
import { generateLicenseKeys } from '../../shared/billing/license-file.js';
import { DEV_LICENSE_PUBLIC_KEY, loadSettings, type SettingsError } from '../../shared/config/settings.js';

const cloud = {
  COSMOS_ENDPOINT: 'https://acct.documents.azure.com',
  APP_TOKEN_SECRET: 'x'.repeat(32),
  SESSION_SECRET: 'y'.repeat(32),
};

function problems(env: Record<string, string>) {
  try {
    loadSettings(env);
    return '';
  } catch (error) {
    return (error as SettingsError).message;
  }
}

describe('billing settings', () => {
  it('default locally to the development license key, a local webhook secret and build "local"', () => {
    const settings = loadSettings({});
    expect(settings.LICENSE_PUBLIC_KEY).toBe(DEV_LICENSE_PUBLIC_KEY);
    expect(settings.BUILD_ID).toBe('local');
    expect(settings.BUY_NOW_URL).toMatch(/^https:\/\//);
  });

  it('are required in the cloud, where the committed development key must never be trusted', () => {
    const message = problems(cloud);
    for (const name of ['BILLING_WEBHOOK_SECRET', 'LICENSE_PUBLIC_KEY', 'BUY_NOW_URL']) expect(message).toContain(`${name}: is required`);
    const complete = { ...cloud, BILLING_WEBHOOK_SECRET: 'z'.repeat(32), LICENSE_PUBLIC_KEY: generateLicenseKeys().publicKeyPem, BUY_NOW_URL: 'https://shop.example/buy' };
    expect(problems(complete)).toBe('');
  });

  it('accept a PEM whose line breaks are written as \\n, and refuse a key that is not Ed25519', () => {
    const escaped = generateLicenseKeys().publicKeyPem.replace(/\n/g, '\\n');
    expect(loadSettings({ LICENSE_PUBLIC_KEY: escaped }).LICENSE_PUBLIC_KEY).toContain('\n');
    expect(problems({ LICENSE_PUBLIC_KEY: 'not a key' })).toContain('LICENSE_PUBLIC_KEY: must be an Ed25519 public key');
    expect(problems({ BILLING_WEBHOOK_SECRET: 'short' })).toContain('BILLING_WEBHOOK_SECRET: must be at least 32');
  });
});
