/**
 * The team form of the admin workspace: its fields in order, their labels and hints, the values it
 * starts with, and where the server's field problems go. Pure, unit-tested in
 * tests/unit/admin-format.test.ts.
 */
import type { AdminTeam } from '../api/admin';
import type { MessageKey } from '../i18n/admin';
import type { TeamFields } from '../schemas/team-fields';
import { fieldProblem } from './format';

/** A commune for the filters and the form (from content/communes.json, via the page). */
export interface AdminCommune {
  code: string;
  name: string;
}

/** A field of the form: its column (as in the CSV), label and optional hint. */
interface TeamFormField {
  name: keyof TeamFields;
  label: MessageKey;
  hint?: MessageKey;
}

/** The fields, in the order of the form (the CSV's columns but `active`, which has its own button). */
export const TEAM_FORM_FIELDS: readonly TeamFormField[] = [
  { name: 'code', label: 'admin.form.code', hint: 'admin.form.codeHint' },
  { name: 'name', label: 'admin.form.name' },
  { name: 'commune', label: 'admin.form.commune' },
  { name: 'base_lat', label: 'admin.form.baseLat' },
  { name: 'base_lon', label: 'admin.form.baseLon' },
  { name: 'service_radius_m', label: 'admin.form.radius' },
  { name: 'capacity', label: 'admin.form.capacity' },
  { name: 'public_phone', label: 'admin.form.phone' },
  { name: 'covers', label: 'admin.form.covers', hint: 'admin.form.coversHint' },
];

/** What the form shows for a team: its fields as text; a new team starts with 5 km and 10 requests. */
export function teamFormValues(team: AdminTeam | null): TeamFields {
  if (!team) return { service_radius_m: '5000', capacity: '10' };
  return {
    code: team.code,
    name: team.name,
    commune: team.commune_code,
    base_lat: String(team.base_lat),
    base_lon: String(team.base_lon),
    service_radius_m: String(team.service_radius_m),
    capacity: String(team.capacity),
    public_phone: team.public_phone ?? '',
    active: team.active ? 'có' : 'không',
    covers: team.covers.filter((c) => c !== team.commune_code).join(';'),
  };
}

/** The server's field problems by field, in words (a problem of no column is keyed ''). */
export function teamFormErrors(errors: readonly { column: string | null; code: string }[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.column ?? '', fieldProblem({ ...e, column: null })]));
}
