/**
 * The rules of the members panel (team leaders in /doi/, admins in /doi/ and /quan-tri/), as pure
 * functions: which roles the viewer may give, whom they may remove, and which field a refusal of
 * the server is about. The server checks every rule again (20261128000300_members.sql); these only
 * keep the screen from offering what it would refuse. Unit-tested in tests/unit/team-members.test.ts.
 */
import { MEMBER_ROLES, type MemberRole } from '../domain/team-vocabulary';
import { isEmail } from './format';

/**
 * Who is looking at the panel: their email (to mark "you") and role. The rules read a listed
 * member by the same two fields, so they take a member as this shape too.
 */
export interface MembersViewer {
  email: string;
  role: MemberRole;
}

/**
 * Roles the viewer may give: leaders add members and leaders to their own team; admins anyone to a
 * team, and only admins to no team (`teamId` null).
 */
export function assignableRoles(viewerRole: MemberRole, teamId: number | null): MemberRole[] {
  if (viewerRole !== 'admin') return MEMBER_ROLES.filter((role) => role !== 'admin');
  return MEMBER_ROLES.filter((role) => teamId !== null || role === 'admin');
}

/** Whether the member is the viewer (emails compare without case, as the server stores them). */
export function isViewer(viewer: Pick<MembersViewer, 'email'>, member: Pick<MembersViewer, 'email'>): boolean {
  return viewer.email.toLowerCase() === member.email.toLowerCase();
}

/** Whether the panel offers to remove the member: never oneself; admins only by admins. */
export function canRemove(viewer: MembersViewer, member: MembersViewer): boolean {
  return !isViewer(viewer, member) && (viewer.role === 'admin' || member.role !== 'admin');
}

/** A field of the form that adds a member. */
export type MemberField = 'email' | 'name' | 'role';

/** The field an error code of add_team_member is about; null for the rest (shown above the list). */
export function memberFieldOf(code: string): MemberField | null {
  if (code === 'email_invalid' || code === 'member_exists') return 'email';
  if (code === 'name_invalid') return 'name';
  if (code === 'role_invalid') return 'role';
  return null;
}

/** What the form lacks before it is sent: a plausible email (the server checks again). */
export function newMemberProblem(email: string): 'email_invalid' | null {
  return isEmail(email) ? null : 'email_invalid';
}
