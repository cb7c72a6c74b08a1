import { describe, expect, it } from 'vitest';
import { assignableRoles, canRemove, isViewer, memberFieldOf, newMemberProblem } from '../../src/lib/team/members.ts';

const leader = { email: 'truong-to@example.org', role: 'leader' as const };
const admin = { email: 'admin@example.org', role: 'admin' as const };

describe('the members panel', () => {
  it('lets leaders give member and leader, admins any role on a team and only admin on none', () => {
    expect(assignableRoles('leader', 12)).toEqual(['member', 'leader']);
    expect(assignableRoles('admin', 12)).toEqual(['member', 'leader', 'admin']);
    expect(assignableRoles('admin', null)).toEqual(['admin']);
  });

  it('never offers to remove oneself, nor an admin to a leader', () => {
    expect(isViewer(leader, { email: 'Truong-To@Example.org' })).toBe(true);
    expect(canRemove(leader, { email: 'TRUONG-TO@example.org', role: 'leader' })).toBe(false);
    expect(canRemove(leader, { email: 'lan@example.org', role: 'member' })).toBe(true);
    expect(canRemove(leader, { email: 'admin@example.org', role: 'admin' })).toBe(false);
    expect(canRemove(admin, { email: 'other-admin@example.org', role: 'admin' })).toBe(true);
    expect(canRemove(admin, admin)).toBe(false);
  });

  it('puts each refusal of the server at its field, the rest above the list', () => {
    expect(memberFieldOf('member_exists')).toBe('email');
    expect(memberFieldOf('email_invalid')).toBe('email');
    expect(memberFieldOf('name_invalid')).toBe('name');
    expect(memberFieldOf('role_invalid')).toBe('role');
    expect(memberFieldOf('forbidden')).toBeNull();
    expect(memberFieldOf('network')).toBeNull();
  });

  it('asks for a plausible email before sending', () => {
    expect(newMemberProblem('lan@example')).toBe('email_invalid');
    expect(newMemberProblem(' lan@example.org ')).toBeNull();
  });
});
