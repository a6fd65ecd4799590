import { describe, expect, it } from 'vitest';
import { ROLES, can, deniedMessage, effectiveRole, rolesGranting, scopeOf, type CallerAccess, type RoleName } from '../../shared/domain/roles.js';

const as = (role: RoleName, billingAdmin = false): CallerAccess => ({ role, teams: [], billingAdmin });

describe('roles', () => {
  it('make Project Collection Administrators Administrators, and everyone else a Member unless assigned', () => {
    expect(effectiveRole('none', true)).toBe('administrator');
    expect(effectiveRole(null, false)).toBe('member');
    expect(effectiveRole('teamLead', false)).toBe('teamLead');
  });

  it('scope time: own for Members, team for Team leads, all for managers (read) and Administrators (read and write)', () => {
    const scopes = Object.fromEntries(ROLES.map((role) => [role, [scopeOf(as(role), 'read'), scopeOf(as(role), 'write')]]));
    expect(scopes).toEqual({
      administrator: ['all', 'all'], budgetManager: ['all', 'own'], productManager: ['all', 'own'],
      teamLead: ['team', 'own'], member: ['own', 'own'], none: [null, null],
    });
  });

  it('leave billing to billing admins, whatever their role', () => {
    expect(can(as('administrator'), 'subscription:manage')).toBe(false);
    expect(can(as('member', true), 'subscription:manage')).toBe(true);
    expect(rolesGranting('roles:manage')).toEqual(['administrator']);
  });

  it('name what is needed in a denial', () => {
    expect(deniedMessage('org:manage', as('member'))).toBe('this needs the Administrator role; you are a Member');
    expect(deniedMessage('worklogs:read:all', as('teamLead'), 'that')).toBe('that needs the role Product manager, Budget manager or Administrator; you are a Team lead');
    expect(deniedMessage('subscription:manage', as('administrator'))).toMatch(/needs a billing admin .*; you are an Administrator/);
  });
});
