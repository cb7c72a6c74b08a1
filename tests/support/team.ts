/**
 * Helpers for the team workspace db tests: teams with members (added by SQL, as an admin's import
 * would), members signed in through the real email-code flow, requests booked as a citizen, time
 * moved back on a request, and clean-up of everything a test file made.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { StackInfo } from './backends.ts';
import { anonClient, signedInClient, withSql } from './clients.ts';
import { createTeams, deleteTeams, validPayload, type TeamSpec } from './help-requests.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { requestHelp } from '../../src/lib/api/booking.ts';
import { helpRequestSchema } from '../../src/lib/schemas/help-request.ts';
import type { MemberRole } from '../../src/lib/domain/team-vocabulary.ts';

/** A member made for a test: their email and member id. */
export interface TestMember {
  email: string;
  id: number;
}

/** A request booked for a test. */
export interface BookedRequest {
  id: number;
  code: string;
  phone: string;
  name: string;
}

/**
 * Everything one test file makes on one stack, so that it can all be removed afterwards: teams
 * (codes prefixed), members (emails prefixed), requests.
 */
export class TeamWorld {
  readonly prefix: string;
  readonly teamIds: number[] = [];
  readonly requestIds: number[] = [];
  private readonly citizen: SupabaseClient;

  constructor(
    readonly stack: StackInfo,
    label: string,
  ) {
    // Unique per file, backend and run: emails and team codes never clash with other files.
    const run = Math.random().toString(36).slice(2, 7);
    this.prefix = `${label}-${stack.backend === 'pglite' ? 'l' : 'p'}-${run}`;
    this.citizen = anonClient(stack);
  }

  /** An email of this world (example.org, unique to the file and run). */
  email(key: string): string {
    return `${this.prefix}-${key}@example.org`.toLowerCase();
  }

  /** Creates teams; returns their ids by the given (unprefixed) code. */
  async teams(specs: TeamSpec[]): Promise<Record<string, number>> {
    const codePrefix = `T-${this.prefix.toUpperCase()}-`;
    const ids = await createTeams(this.stack, specs.map((spec) => ({ ...spec, code: codePrefix + spec.code })));
    this.teamIds.push(...Object.values(ids));
    return Object.fromEntries(Object.entries(ids).map(([code, id]) => [code.slice(codePrefix.length), id]));
  }

  /** Lists a person as a member (as seed data or an admin's import would), before any sign-in. */
  async member(key: string, role: MemberRole, teamId: number | null, name: string | null = null): Promise<TestMember> {
    const email = this.email(key);
    const row = await withSql(this.stack, (sql) =>
      sql.query('insert into app.members (email, name, role, team_id) values ($1, $2, $3, $4) returning id', [
        email,
        name,
        role,
        teamId,
      ]),
    );
    return { email, id: Number(row.rows[0].id) };
  }

  /** Signs a person in with the code from the local mailbox (supabase-js, real auth flow). */
  signIn(key: string): Promise<SupabaseClient> {
    return signedInClient(this.stack, this.email(key));
  }

  /** Books a request as a citizen would (anon, through the booking wrapper). */
  async book(overrides: Record<string, unknown> = {}): Promise<BookedRequest> {
    const payload = helpRequestSchema.parse(validPayload(overrides));
    const result = await callRpc(requestHelp, { request: payload }, this.citizen);
    if (!result.ok) throw new Error(`request_help failed: ${result.code}`);
    const code = result.data.reference_code;
    const row = await withSql(this.stack, (sql) =>
      sql.query('select id from app.help_requests where reference_code = $1', [code]),
    );
    const id = Number(row.rows[0].id);
    this.requestIds.push(id);
    return { id, code, phone: payload.phone ?? '', name: payload.name };
  }

  /** The stored row of a request (superuser view), with its events in order. */
  async row(id: number) {
    return withSql(this.stack, async (sql) =>
      (await sql.query(
        `select h.status, h.team_id::int as team_id, h.accepted_by::int as accepted_by, h.outcome,
                h.contact_attempts, h.assigned_at, h.accepted_at, h.closed_at,
                (select count(*)::int from app.request_notes n where n.request_id = h.id) as notes,
                (select json_agg(json_build_object('kind', e.kind, 'status_after', e.status_after,
                   'team_id', e.team_id::int, 'reason', e.reason, 'actor', e.actor,
                   'actor_member_id', e.actor_member_id::int, 'detail', e.detail) order by e.id)
                 from app.request_events e where e.request_id = h.id) as events
         from app.help_requests h where h.id = $1`,
        [id],
      )).rows[0] as {
        status: string;
        team_id: number | null;
        accepted_by: number | null;
        outcome: string | null;
        contact_attempts: number;
        notes: number;
        events: { kind: string; status_after: string; team_id: number | null; reason: string | null; actor: string; actor_member_id: number | null; detail: Record<string, unknown> }[];
      },
    );
  }

  /** Moves a request's assignment back in time (the escalation job sees it as stale). */
  async age(ids: number[], minutes: number): Promise<void> {
    await withSql(this.stack, (sql) =>
      sql.query(
        `update app.help_requests set assigned_at = assigned_at - make_interval(mins => $2) where id = any($1)`,
        [ids, minutes],
      ),
    );
  }

  /** Removes the requests, members and teams this world made. */
  async cleanUp(): Promise<void> {
    await withSql(this.stack, async (sql) => {
      await sql.query('delete from app.request_events where request_id = any($1)', [this.requestIds]);
      await sql.query('delete from app.help_requests where id = any($1)', [this.requestIds]);
      await sql.query('delete from app.request_events where actor_member_id in (select id from app.members where email like $1)', [
        `${this.prefix}-%`,
      ]);
      await sql.query('delete from app.members where email like $1 or team_id = any($2)', [`${this.prefix}-%`, this.teamIds]);
    });
    await deleteTeams(this.stack, this.teamIds);
  }
}

/** Commune centres used by the team tests (content/communes.json); no demo team reaches them. */
export const QUANG_LA = { code: '07054', lat: 21.1092, lon: 106.8849 };
export const LUONG_MINH = { code: '06985', lat: 21.2134, lon: 107.0286 };
export const KY_THUONG = { code: '06979', lat: 21.2659, lon: 107.1313 };
