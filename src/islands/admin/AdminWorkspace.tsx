import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Session, SupabaseClient } from '@supabase/supabase-js';
import { t, type MessageKey } from '../../lib/i18n/admin';
import { callRpc, loadSupabase } from '../../lib/api/rpc';
import {
  adminExportTeams,
  adminImportTeams,
  adminSaveTeam,
  adminSetTeamActive,
  adminTeams,
  requestStatistics,
  type AdminTeam,
  type AdminTeamPage,
  type ImportError,
  type ImportResult,
  type Statistics,
} from '../../lib/api/admin';
import { addTeamMember, removeTeamMember, teamMembers } from '../../lib/api/team';
import type { TeamFields } from '../../lib/schemas/team-fields';
import { MEMBER_ROLES, type MemberRole } from '../../lib/domain/team-vocabulary';
import { downloadText, statisticsToCsv } from '../../lib/admin/statistics-csv';
import SignIn from '../shared/SignIn';
import './AdminWorkspace.css';

/** A commune for the filters and the form (from content/communes.json, via the page). */
export interface AdminCommune {
  code: string;
  name: string;
}

type Tab = 'teams' | 'import' | 'stats';

function errorText(code: string): string {
  return code === 'network' ? t('admin.error.network') : t('admin.error.generic', { code });
}

const FIELD_ERRORS = new Set([
  'required', 'invalid', 'out_of_range', 'outside_province', 'unknown', 'exists', 'immutable', 'duplicate',
  'field_count', 'csv_malformed', 'column_unknown', 'column_missing', 'column_duplicate', 'file_empty', 'no_rows',
  'too_many_rows', 'file_too_large',
]);

/** A field problem in words: "cột capacity: giá trị nằm ngoài khoảng cho phép". */
function fieldProblem(e: { column: string | null; code: string; first_line?: number }): string {
  const text = FIELD_ERRORS.has(e.code) ? t(`admin.error.${e.code}` as MessageKey, { first: e.first_line ?? '' }) : e.code;
  return e.column ? `${t('admin.import.errorColumn', { column: e.column })}: ${text}` : text;
}

/**
 * /quan-tri/: the youth-union admin workspace. Sign-in by email code; non-admins are told so.
 * Teams (search, filters, create, edit, deactivate, members), CSV import and export, statistics.
 * Every call goes through the contracts of src/lib/api/admin.ts; the database checks the admin role.
 */
export default function AdminWorkspace({ communes }: { communes: AdminCommune[] }) {
  const [supabase, setSupabase] = useState<SupabaseClient | null>(null);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [tab, setTab] = useState<Tab>('teams');

  useEffect(() => {
    // supabase-js arrives after the first screen; offline, the sign-in form reports the failure.
    let unsubscribe = () => {};
    let live = true;
    loadSupabase().then(
      (client) => {
        if (!live) return;
        setSupabase(client);
        client.auth.getSession().then(({ data }) => setSession(data.session));
        const { data } = client.auth.onAuthStateChange((_event, next) => setSession(next));
        unsubscribe = () => data.subscription.unsubscribe();
      },
      () => setSession(null),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    if (!session) return setAllowed(null);
    // Asking for one team is the cheapest way to learn whether the database sees an admin.
    callRpc(adminTeams, { page_size: 1 }).then((answer) => setAllowed(answer.ok ? true : answer.code === 'forbidden' ? false : null));
  }, [session]);

  if (session === undefined) return <p>{t('admin.loading')}</p>;
  if (!session) return <SignIn lead={t('admin.signIn.lead')} />;

  const email = session.user.email ?? '';
  const header = (
    <p className="app-admin__who">
      {t('admin.signedInAs', { email })}{' '}
      <button className="app-button app-button--secondary" type="button" onClick={() => supabase?.auth.signOut()}>
        {t('admin.signOut')}
      </button>
    </p>
  );
  if (allowed === null) return <>{header}<p>{t('admin.loading')}</p></>;
  if (!allowed) return <>{header}<p className="app-panel" role="alert">{t('admin.notAdmin', { email })}</p></>;

  const tabs: [Tab, MessageKey][] = [['teams', 'admin.tabs.teams'], ['import', 'admin.tabs.import'], ['stats', 'admin.tabs.stats']];
  return (
    <div className="app-admin">
      {header}
      <nav aria-label={t('admin.tabs.label')} className="app-admin__tabs">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" className="app-admin__tab" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            {t(label)}
          </button>
        ))}
      </nav>
      {tab === 'teams' && <TeamsPanel communes={communes} />}
      {tab === 'import' && <ImportPanel />}
      {tab === 'stats' && <StatsPanel />}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Teams

function TeamsPanel({ communes }: { communes: AdminCommune[] }) {
  const [search, setSearch] = useState('');
  const [commune, setCommune] = useState('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [overloaded, setOverloaded] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AdminTeamPage | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminTeam | 'new' | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const load = useCallback(
    async (targetPage = page) => {
      const answer = await callRpc(adminTeams, {
        search: search.trim() || null,
        commune_code: commune || null,
        active: active === '' ? null : active === 'true',
        overloaded: overloaded || null,
        page: targetPage,
      });
      if (answer.ok) setData(answer.data);
      else setMessage(errorText(answer.code));
    },
    [search, commune, active, overloaded, page],
  );

  useEffect(() => {
    load(1);
    // Only on first show; afterwards the filter form reloads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function filter(event: FormEvent) {
    event.preventDefault();
    setPage(1);
    load(1);
  }

  async function toggle(team: AdminTeam) {
    const answer = await callRpc(adminSetTeamActive, { team_id: team.id, active: !team.active });
    setConfirming(null);
    if (!answer.ok) return setMessage(errorText(answer.code));
    setMessage(
      answer.data.active
        ? t('admin.teams.reactivated', { code: team.code })
        : t('admin.teams.deactivated', { code: team.code, rerouted: answer.data.rerouted }),
    );
    load(page);
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.page_size)) : 1;
  const communeName = new Map(communes.map((c) => [c.code, c.name]));

  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">{t('admin.teams.title')}</h2>
      <form className="app-admin__filters" onSubmit={filter}>
        <p>
          <label htmlFor="f-search">{t('admin.teams.search')}</label>
          <br />
          <input id="f-search" type="search" className="app-input" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby="f-search-hint" />
          <br />
          <span id="f-search-hint" className="app-admin__hint">{t('admin.teams.searchHint')}</span>
        </p>
        <p>
          <label htmlFor="f-commune">{t('admin.teams.commune')}</label>
          <br />
          <select id="f-commune" className="app-input" value={commune} onChange={(e) => setCommune(e.target.value)}>
            <option value="">{t('admin.teams.anyCommune')}</option>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="f-active">{t('admin.teams.active')}</label>
          <br />
          <select id="f-active" className="app-input" value={active} onChange={(e) => setActive(e.target.value as '' | 'true' | 'false')}>
            <option value="">{t('admin.teams.anyActive')}</option>
            <option value="true">{t('admin.teams.onlyActive')}</option>
            <option value="false">{t('admin.teams.onlyInactive')}</option>
          </select>
        </p>
        <p className="app-admin__check">
          <input id="f-overloaded" type="checkbox" checked={overloaded} onChange={(e) => setOverloaded(e.target.checked)} />{' '}
          <label htmlFor="f-overloaded">{t('admin.teams.overloaded')}</label>
        </p>
        <p>
          <button className="app-button" type="submit">{t('admin.teams.apply')}</button>{' '}
          <button className="app-button app-button--secondary" type="button" onClick={() => setEditing('new')}>{t('admin.teams.new')}</button>
        </p>
      </form>

      <div role="status" aria-live="polite">{message && <p className="app-admin__notice">{message}</p>}</div>

      {editing && (
        <TeamForm
          team={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(team) => {
            setMessage(t('admin.form.saved', { code: team.code }));
            setEditing(team);
            load(page);
          }}
        />
      )}

      {data && (
        <>
          <p>{t('admin.teams.count', { total: data.total })}</p>
          {data.teams.length === 0 ? (
            <p>{t('admin.teams.none')}</p>
          ) : (
            <div className="app-admin__scroll">
              <table className="app-admin__table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.teams.col.code')}</th>
                    <th scope="col">{t('admin.teams.col.name')}</th>
                    <th scope="col">{t('admin.teams.col.commune')}</th>
                    <th scope="col">{t('admin.teams.col.load')}</th>
                    <th scope="col">{t('admin.teams.col.status')}</th>
                    <th scope="col">{t('admin.teams.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.teams.map((team) => (
                    <tr key={team.id} data-team-code={team.code}>
                      <td>{team.code}</td>
                      <td>{team.name}</td>
                      <td>{communeName.get(team.commune_code) ?? team.commune_name}</td>
                      <td className={team.open_count >= team.capacity ? 'app-admin__full' : undefined}>
                        {team.open_count} / {team.capacity}
                      </td>
                      <td>{team.active ? t('admin.teams.statusActive') : t('admin.teams.statusInactive')}</td>
                      <td>
                        <button type="button" className="app-admin__link" aria-label={t('admin.teams.editLabel', { code: team.code })} onClick={() => setEditing(team)}>
                          {t('admin.teams.edit')}
                        </button>{' '}
                        {confirming === team.id ? (
                          <span role="group" aria-label={t('admin.teams.deactivateLabel', { code: team.code })}>
                            <span className="app-admin__confirm">{t('admin.teams.confirmDeactivate', { code: team.code })}</span>{' '}
                            <button type="button" className="app-admin__link" onClick={() => toggle(team)}>{t('admin.confirm.yes')}</button>{' '}
                            <button type="button" className="app-admin__link" onClick={() => setConfirming(null)}>{t('admin.confirm.no')}</button>
                          </span>
                        ) : team.active ? (
                          <button type="button" className="app-admin__link" aria-label={t('admin.teams.deactivateLabel', { code: team.code })} onClick={() => setConfirming(team.id)}>
                            {t('admin.teams.deactivate')}
                          </button>
                        ) : (
                          <button type="button" className="app-admin__link" aria-label={t('admin.teams.reactivateLabel', { code: team.code })} onClick={() => toggle(team)}>
                            {t('admin.teams.reactivate')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <p className="app-admin__pager">
              <button type="button" className="app-button app-button--secondary" disabled={page <= 1} onClick={() => { setPage(page - 1); load(page - 1); }}>
                {t('admin.teams.prev')}
              </button>{' '}
              {t('admin.teams.page', { page, pages })}{' '}
              <button type="button" className="app-button app-button--secondary" disabled={page >= pages} onClick={() => { setPage(page + 1); load(page + 1); }}>
                {t('admin.teams.next')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

const FORM_FIELDS: [keyof TeamFields, MessageKey, string?][] = [
  ['code', 'admin.form.code', 'admin.form.codeHint'],
  ['name', 'admin.form.name'],
  ['commune', 'admin.form.commune'],
  ['base_lat', 'admin.form.baseLat'],
  ['base_lon', 'admin.form.baseLon'],
  ['service_radius_m', 'admin.form.radius'],
  ['capacity', 'admin.form.capacity'],
  ['public_phone', 'admin.form.phone'],
  ['covers', 'admin.form.covers', 'admin.form.coversHint'],
];

function fieldsOf(team: AdminTeam | null): TeamFields {
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

function TeamForm({ team, onClose, onSaved }: { team: AdminTeam | null; onClose: () => void; onSaved: (team: AdminTeam) => void }) {
  const [fields, setFields] = useState<TeamFields>(fieldsOf(team));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => setFields(fieldsOf(team)), [team]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await callRpc(adminSaveTeam, { team_id: team?.id ?? null, team: fields });
    setBusy(false);
    if (!answer.ok) return setFailure(errorText(answer.code));
    if (!answer.data.ok) {
      setErrors(Object.fromEntries(answer.data.errors.map((e) => [e.column ?? '', fieldProblem({ ...e, column: null })])));
      return;
    }
    setErrors({});
    setFailure(null);
    onSaved(answer.data.team);
  }

  return (
    <section className="app-panel app-admin__form" aria-labelledby="team-form-title">
      <h3 id="team-form-title">{team ? t('admin.form.titleEdit', { code: team.code }) : t('admin.form.titleNew')}</h3>
      <form onSubmit={save} noValidate>
        {FORM_FIELDS.map(([name, label, hint]) => (
          <p key={name}>
            <label htmlFor={`tf-${name}`}>{t(label)}</label>
            <br />
            {hint && (
              <>
                <span id={`tf-${name}-hint`} className="app-admin__hint">{t(hint as MessageKey)}</span>
                <br />
              </>
            )}
            <input
              id={`tf-${name}`}
              className="app-input"
              value={fields[name] ?? ''}
              readOnly={name === 'code' && !!team}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={[hint ? `tf-${name}-hint` : '', errors[name] ? `tf-${name}-error` : ''].join(' ').trim() || undefined}
              onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
            />
            {errors[name] && <span id={`tf-${name}-error`} className="app-admin__error"><br />{errors[name]}</span>}
          </p>
        ))}
        <div role="alert">{failure && <p className="app-admin__error">{failure}</p>}</div>
        <button className="app-button" type="submit" disabled={busy}>{busy ? t('admin.form.saving') : t('admin.form.save')}</button>{' '}
        <button className="app-button app-button--secondary" type="button" onClick={onClose}>{t('admin.form.cancel')}</button>
      </form>
      {team && <MembersPanel teamId={team.id} />}
    </section>
  );
}

function MembersPanel({ teamId }: { teamId: number }) {
  const [members, setMembers] = useState<{ id: number; email: string; role: string; signed_in: boolean }[] | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await callRpc(teamMembers, { team_id: teamId });
    if (answer.ok) setMembers(answer.data);
    else setMessage(errorText(answer.code));
  }, [teamId]);
  useEffect(() => {
    load();
  }, [load]);

  async function add(event: FormEvent) {
    event.preventDefault();
    const answer = await callRpc(addTeamMember, { email, team_id: teamId, role });
    if (!answer.ok) {
      const known = answer.code === 'email_invalid' || answer.code === 'member_exists';
      return setMessage(known ? t(`admin.members.error.${answer.code}` as MessageKey) : errorText(answer.code));
    }
    setEmail('');
    setMessage(null);
    load();
  }

  async function remove(id: number) {
    const answer = await callRpc(removeTeamMember, { member_id: id });
    if (!answer.ok) return setMessage(errorText(answer.code));
    load();
  }

  return (
    <section aria-labelledby="members-title">
      <h4 id="members-title">{t('admin.members.title')}</h4>
      {members && members.length === 0 && <p>{t('admin.members.none')}</p>}
      {members && members.length > 0 && (
        <ul>
          {members.map((m) => (
            <li key={m.id}>
              {m.email} · {t(`admin.members.role.${m.role}` as MessageKey)} · {m.signed_in ? t('admin.members.signedIn') : t('admin.members.notSignedIn')}{' '}
              <button type="button" className="app-admin__link" aria-label={t('admin.members.removeLabel', { email: m.email })} onClick={() => remove(m.id)}>
                {t('admin.members.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="app-admin__inline">
        <label htmlFor="m-email">{t('admin.members.email')}</label>{' '}
        <input id="m-email" type="email" className="app-input" value={email} onChange={(e) => setEmail(e.target.value)} />{' '}
        <label htmlFor="m-role">{t('admin.members.role')}</label>{' '}
        <select id="m-role" className="app-input" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>{t(`admin.members.role.${r}` as MessageKey)}</option>
          ))}
        </select>{' '}
        <button className="app-button app-button--secondary" type="submit">{t('admin.members.add')}</button>
      </form>
      <div role="status">{message && <p className="app-admin__error">{message}</p>}</div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// CSV import and export

function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(apply: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    // The file goes as text; the database parses and checks it (same rules for every client).
    const answer = await callRpc(adminImportTeams, { csv: await file.text(), apply });
    setBusy(false);
    if (!answer.ok) return setFailure(errorText(answer.code));
    setResult(answer.data);
  }

  async function exportAll() {
    const answer = await callRpc(adminExportTeams, {});
    if (!answer.ok) return setFailure(errorText(answer.code));
    downloadText('danh-sach-to.csv', answer.data);
  }

  const counts = result && { rows: result.rows ?? 0, created: result.created ?? 0, updated: result.updated ?? 0, unchanged: result.unchanged ?? 0 };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('admin.import.title')}</h2>
      <p>{t('admin.import.lead')}</p>
      <p><a href="/mau-nhap-to.csv" download>{t('admin.import.template')}</a></p>
      <p>
        <label htmlFor="import-file">{t('admin.import.file')}</label>
        <br />
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
      </p>
      <p>
        <button type="button" className="app-button app-button--secondary" disabled={!file || busy} onClick={() => run(false)}>{t('admin.import.check')}</button>{' '}
        <button type="button" className="app-button" disabled={!file || busy} onClick={() => run(true)}>{t('admin.import.apply')}</button>
      </p>
      <div role="status" aria-live="polite">
        {busy && <p>{t('admin.import.working')}</p>}
        {failure && <p className="app-admin__error">{failure}</p>}
        {result?.ok && counts && <p className="app-admin__notice">{t(result.applied ? 'admin.import.done' : 'admin.import.checked', counts)}</p>}
        {result && !result.ok && <p className="app-admin__error">{t('admin.import.failed', { count: result.error_count })}</p>}
      </div>
      {result && !result.ok && (
        <>
          <ul className="app-admin__errors" aria-label={t('admin.import.failed', { count: result.error_count })}>
            {result.errors.map((e: ImportError, i) => (
              <li key={i}>
                {e.line !== null && <strong>{t('admin.import.errorLine', { line: e.line })}</strong>}
                {e.line !== null && ', '}
                {fieldProblem(e)}
              </li>
            ))}
          </ul>
          {result.error_count > result.errors.length && <p>{t('admin.import.moreErrors')}</p>}
        </>
      )}
      <h2>{t('admin.export.title')}</h2>
      <p>{t('admin.export.lead')}</p>
      <p><button type="button" className="app-button app-button--secondary" onClick={exportAll}>{t('admin.export.button')}</button></p>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Statistics

function vietnamDay(offsetDays = 0): string {
  const now = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86400_000);
  return now.toISOString().slice(0, 10);
}

function duration(minutes: number | null): string {
  if (minutes === null) return t('admin.stats.none');
  if (minutes < 120) return t('admin.stats.minutes', { value: Math.round(minutes) });
  if (minutes < 48 * 60) return t('admin.stats.hours', { value: Math.round(minutes / 6) / 10 });
  return t('admin.stats.days', { value: Math.round(minutes / 144) / 10 });
}

/** Horizontal bars in plain SVG; the table beside it carries the same numbers for screen readers. */
function Bars({ items, label }: { items: { label: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const row = 26;
  return (
    <svg className="app-admin__chart" role="img" aria-label={label} viewBox={`0 0 600 ${items.length * row + 4}`} width="100%">
      {items.map((item, i) => (
        <g key={item.label} transform={`translate(0 ${i * row + 2})`}>
          <text x="0" y="17" fontSize="14">{item.label}</text>
          <rect x="200" y="3" height="18" width={(item.value / max) * 340} fill="var(--app-color-brand)" />
          <text x={206 + (item.value / max) * 340} y="17" fontSize="14">{item.value.toLocaleString('vi-VN')}</text>
        </g>
      ))}
    </svg>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: { label: string; value: number | string }[] }) {
  return (
    <table className="app-admin__table">
      <caption className="app-visually-hidden">{caption}</caption>
      <thead>
        <tr><th scope="col">{t('admin.stats.col.label')}</th><th scope="col">{t('admin.stats.col.count')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}><th scope="row">{r.label}</th><td>{typeof r.value === 'number' ? r.value.toLocaleString('vi-VN') : r.value}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function StatsPanel() {
  const [from, setFrom] = useState(vietnamDay(-89));
  const [to, setTo] = useState(vietnamDay());
  const [stats, setStats] = useState<Statistics | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await callRpc(requestStatistics, { from_day: from, to_day: to });
    if (answer.ok) {
      setStats(answer.data);
      setFailure(null);
    } else setFailure(errorText(answer.code));
  }, [from, to]);
  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const statusRows = stats
    ? Object.entries(stats.by_status).map(([s, n]) => ({ label: t(`admin.status.${s}` as MessageKey), value: n }))
    : [];
  const weekRows = stats ? stats.by_week.map((w) => ({ label: w.week.split('-').reverse().join('/'), value: w.count })) : [];
  const needRows = stats ? stats.by_need.map((n) => ({ label: t(`admin.need.${n.need}` as MessageKey), value: n.count })) : [];
  const communeRows = stats ? stats.by_commune.map((c) => ({ label: c.commune_name, value: c.count })) : [];

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('admin.stats.title')}</h2>
      <form className="app-admin__filters" onSubmit={(e) => { e.preventDefault(); load(); }}>
        <p><label htmlFor="s-from">{t('admin.stats.from')}</label><br /><input id="s-from" type="date" className="app-input" value={from} onChange={(e) => setFrom(e.target.value)} /></p>
        <p><label htmlFor="s-to">{t('admin.stats.to')}</label><br /><input id="s-to" type="date" className="app-input" value={to} onChange={(e) => setTo(e.target.value)} /></p>
        <p>
          <button className="app-button" type="submit">{t('admin.stats.show')}</button>{' '}
          <button className="app-button app-button--secondary" type="button" disabled={!stats} onClick={() => stats && downloadText(`so-lieu-${from}-${to}.csv`, statisticsToCsv(stats))}>
            {t('admin.stats.export')}
          </button>
        </p>
      </form>
      <div role="alert">{failure && <p className="app-admin__error">{failure}</p>}</div>
      {stats && (
        <>
          <p><strong>{t('admin.stats.total', { total: stats.total })}</strong> · {t('admin.stats.noPersonal')}</p>

          <h3>{t('admin.stats.byWeek')}</h3>
          <Bars items={weekRows} label={t('admin.stats.byWeekChart')} />

          <h3>{t('admin.stats.byStatus')}</h3>
          <Bars items={statusRows} label={t('admin.stats.byStatus')} />
          <CountTable caption={t('admin.stats.byStatus')} rows={statusRows} />

          <h3>{t('admin.stats.speed')}</h3>
          <table className="app-admin__table">
            <thead>
              <tr><th scope="col">{t('admin.stats.col.span')}</th><th scope="col">{t('admin.stats.median')}</th><th scope="col">{t('admin.stats.p90')}</th><th scope="col">{t('admin.stats.count')}</th></tr>
            </thead>
            <tbody>
              {([['admin.stats.toAccept', stats.time_to_accept], ['admin.stats.toClose', stats.time_to_close]] as const).map(([label, d]) => (
                <tr key={label}><th scope="row">{t(label)}</th><td>{duration(d.median_minutes)}</td><td>{duration(d.p90_minutes)}</td><td>{d.count}</td></tr>
              ))}
            </tbody>
          </table>

          <h3>{t('admin.stats.byNeed')}</h3>
          <Bars items={needRows} label={t('admin.stats.byNeed')} />

          <h3>{t('admin.stats.byCommune')}</h3>
          <CountTable caption={t('admin.stats.byCommune')} rows={communeRows} />

          <h3>{t('admin.stats.waiting')}</h3>
          {stats.waiting_longest.length === 0 ? (
            <p>{t('admin.stats.waitingNone')}</p>
          ) : (
            <table className="app-admin__table">
              <thead>
                <tr><th scope="col">{t('admin.stats.col.code')}</th><th scope="col">{t('admin.stats.col.commune')}</th><th scope="col">{t('admin.stats.col.team')}</th><th scope="col">{t('admin.stats.col.waiting')}</th></tr>
              </thead>
              <tbody>
                {stats.waiting_longest.map((w) => (
                  <tr key={w.reference_code}><td>{w.reference_code}</td><td>{w.commune_name}</td><td>{w.team_code ?? t(`admin.status.${w.status}` as MessageKey)}</td><td>{duration(w.waiting_minutes)}</td></tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>{t('admin.stats.stale')}</h3>
          <p className="app-admin__hint">{t('admin.stats.staleRule', { minutes: stats.stale_rules.accept_within_minutes, days: stats.stale_rules.accepted_days })}</p>
          {stats.stale_teams.length === 0 ? (
            <p>{t('admin.stats.staleNone')}</p>
          ) : (
            <table className="app-admin__table">
              <thead>
                <tr><th scope="col">{t('admin.stats.col.team')}</th><th scope="col">{t('admin.stats.notAccepted')}</th><th scope="col">{t('admin.stats.acceptedOpen')}</th><th scope="col">{t('admin.stats.col.waiting')}</th></tr>
              </thead>
              <tbody>
                {stats.stale_teams.map((s) => (
                  <tr key={s.team_id}><th scope="row">{s.team_code} · {s.team_name}</th><td>{s.not_accepted}</td><td>{s.accepted_not_closed}</td><td>{duration(s.oldest_minutes)}</td></tr>
                ))}
              </tbody>
            </table>
          )}

          {stats.poster_scans && (
            <>
              <h3>{t('admin.stats.posters')}</h3>
              <p>{t('admin.stats.postersTotal', { total: stats.poster_scans.total })}</p>
              <Bars items={stats.poster_scans.top.map((p) => ({ label: p.poster, value: p.scans }))} label={t('admin.stats.posters')} />
            </>
          )}
          {stats.guide_feedback && (
            <>
              <h3>{t('admin.stats.feedback')}</h3>
              <CountTable
                caption={t('admin.stats.feedback')}
                rows={[
                  { label: t('admin.stats.helpful'), value: stats.guide_feedback.helpful },
                  { label: t('admin.stats.notHelpful'), value: stats.guide_feedback.not_helpful },
                  { label: t('admin.stats.errorReports'), value: stats.guide_feedback.error_reports },
                ]}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
