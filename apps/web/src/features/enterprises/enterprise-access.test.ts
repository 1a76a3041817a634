import { describe, expect, it } from 'vitest';
import { canEnterprise, canExportEnterprises, canSee } from '../../app/access';

const record = { id: 'e1', assignedOfficer: { id: 'u-service' } };
const user = (role: Parameters<typeof canSee>[1], id = 'u1', enterpriseId: string | null = null) => ({
  id,
  role,
  enterpriseId,
});

/** The server's enterprise policy (DESIGN.md §2), as the buttons and menu mirror it. */
describe('enterprise access in the web app', () => {
  it('shows the registry to the roles that read it, and an enterprise user only its own record', () => {
    const list = ['admin', 'leader', 'investment', 'property', 'service'] as const;
    for (const role of list) expect(canSee('enterprises', role), role).toBe(true);
    expect(canSee('enterprises', 'enterprise')).toBe(false);
    expect(canSee('myEnterprise', 'enterprise')).toBe(true);
    expect(canSee('enterprises', 'department')).toBe(false);
    expect(canSee('enterprise', 'department')).toBe(false);
    expect(canSee('chain', 'admin')).toBe(true);
    expect(canSee('chain', 'leader')).toBe(false);
  });

  it('lets admin, investment and service officers create; only the admin delete', () => {
    expect(['admin', 'investment', 'service'].every((r) => canEnterprise(user(r as 'admin'), 'create'))).toBe(true);
    expect(canEnterprise(user('leader'), 'create')).toBe(false);
    expect(canEnterprise(user('admin'), 'delete')).toBe(true);
    expect(canEnterprise(user('investment'), 'delete')).toBe(false);
  });

  it('offers the export to the roles the server lets export, not to an enterprise user', () => {
    for (const role of ['admin', 'leader', 'investment', 'property', 'service'] as const) {
      expect(canExportEnterprises(role), role).toBe(true);
    }
    for (const role of ['enterprise', 'department', 'super_admin'] as const) {
      expect(canExportEnterprises(role), role).toBe(false);
    }
  });

  it('lets a service officer edit only assigned companies, an enterprise user only its own', () => {
    expect(canEnterprise(user('service', 'u-service'), 'update', record)).toBe(true);
    expect(canEnterprise(user('service', 'u-other'), 'update', record)).toBe(false);
    expect(canEnterprise(user('enterprise', 'u2', 'e1'), 'update', record)).toBe(true);
    expect(canEnterprise(user('enterprise', 'u2', 'e2'), 'update', record)).toBe(false);
    expect(canEnterprise(user('investment'), 'update', record)).toBe(true);
    expect(canEnterprise(user('leader'), 'update', record)).toBe(false);
    expect(canEnterprise(user('property'), 'update', record)).toBe(false);
  });
});
