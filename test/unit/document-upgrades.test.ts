import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACKING_POLICY } from '../../shared/domain/activity-check.js';
import { ORGANIZATION_SCHEMA_VERSION } from '../../shared/orgs/organization.js';
import type { Document } from '../../shared/ports/document-store.js';
import { currentVersion, upgradeWith, type DocumentUpgrades } from '../../shared/upgrades/document-upgrades.js';
import { upgradeDocument } from '../../shared/upgrades/upgrade-document.js';

const oldestOrganization = {
  id: 'organization', pk: 'org-1', type: 'organization', schemaVersion: 1, orgId: 'org-1', name: 'fabrikam',
  activityTypes: [{ id: 'development', name: 'Development', color: '#0078d4', isDefault: true }],
  createdTimestamp: '2025-01-06T09:00:00.000Z',
};

describe('document upgrades', () => {
  it('upgrades the oldest organization shape to version 2 with the values version 1 read it as', () => {
    expect(upgradeDocument(oldestOrganization)).toEqual({
      ...oldestOrganization, schemaVersion: 2,
      activityTypes: [{ id: 'development', name: 'Development', color: '#0078d4', isDefault: true, isActive: true }],
      trackingPolicy: DEFAULT_TRACKING_POLICY, installState: 'installed', uninstalledTimestamp: null,
      trialStartTimestamp: '2025-01-06T09:00:00.000Z', entitlement: null,
    });
    expect(ORGANIZATION_SCHEMA_VERSION).toBe(2);
  });

  it('keeps what a version 1 organization already had', () => {
    const uninstalled = {
      ...oldestOrganization, installState: 'uninstalled', uninstalledTimestamp: '2025-02-01T00:00:00Z',
      trialStartTimestamp: '2025-01-10T00:00:00Z', activityTypes: [{ ...oldestOrganization.activityTypes[0], isActive: false }],
    };
    expect(upgradeDocument(uninstalled)).toMatchObject({
      schemaVersion: 2, installState: 'uninstalled', uninstalledTimestamp: '2025-02-01T00:00:00Z',
      trialStartTimestamp: '2025-01-10T00:00:00Z', activityTypes: [{ isActive: false }],
    });
  });

  it('leaves current newer and unknown documents as they are', () => {
    const current = upgradeDocument(oldestOrganization);
    expect(upgradeDocument(current)).toBe(current);
    const newer = { ...oldestOrganization, schemaVersion: 7 };
    expect(upgradeDocument(newer)).toBe(newer);
    const probe = { id: 'p', pk: 'p', type: 'probe', schemaVersion: 1 };
    expect(upgradeDocument(probe)).toBe(probe);
  });

  it('gives a version 1 worklog without a stop reason none, and keeps one it has', () => {
    const worklog = { id: 'w', pk: 'p', type: 'worklog', schemaVersion: 1, length: 60 };
    expect(upgradeDocument(worklog)).toEqual({ ...worklog, schemaVersion: 3, stopReason: null, targetId: null });
    expect(upgradeDocument({ ...worklog, stopReason: 'Track length exceeded' })).toMatchObject({ schemaVersion: 3, stopReason: 'Track length exceeded' });
  });

  it('runs each step from the stored version on in order', () => {
    const steps: DocumentUpgrades = {
      type: 'thing',
      steps: [(doc) => ({ ...doc, trail: `${String(doc.trail)}>2` }), (doc) => ({ ...doc, trail: `${String(doc.trail)}>3` })],
    };
    const thing = (schemaVersion: number): Document & { trail: string } => ({ id: 't', pk: 'p', type: 'thing', schemaVersion, trail: `v${schemaVersion}` });
    expect(currentVersion(steps)).toBe(3);
    expect(upgradeWith(steps, thing(1))).toEqual({ ...thing(3), trail: 'v1>2>3' });
    expect(upgradeWith(steps, thing(2))).toEqual({ ...thing(3), trail: 'v2>3' });
  });
});
