/**
 * The fields of a team as admins write them: a row of the team CSV (public/mau-nhap-to.csv) or the
 * team form of /quan-tri/, every value as text. The database parses and checks them
 * (`app.parse_csv` and the team rules in supabase/migrations/20261128001500_team_admin.sql), so a
 * script, the form and an import get the same rules and error codes.
 */
import * as z from 'zod/mini';

/** The columns of the team CSV, in the order the template and the export use. */
const TEAM_CSV_COLUMNS = [
  'code',
  'name',
  'commune',
  'base_lat',
  'base_lon',
  'service_radius_m',
  'capacity',
  'public_phone',
  'active',
  'covers',
] as const;

/** Fields of one team, as text; absent ones keep their value (or the default, for a new team). */
export const teamFieldsSchema = z.partialRecord(z.enum(TEAM_CSV_COLUMNS), z.string());
export type TeamFields = z.output<typeof teamFieldsSchema>;
