-- Team membership: who may sign in to the team workspace (/doi/) and the admin workspace
-- (/quan-tri/), on which team, with which role.
--
-- People are listed by email, so a leader or an admin can add someone before that person has ever
-- signed in. At sign-in (Supabase Auth, email OTP) the row is matched by the verified email of the
-- caller's account and bound to the account's id (auth.uid()); from then on the id is what counts.
-- Nothing is ever read from user_metadata (the user can write it; splinter: rls_references_user_metadata).
--
-- Roles: member (works the team's requests), leader (also adds and removes the team's members and
-- sees contact details of every request the team has accepted), admin (youth-union staff: every
-- team, the province pool, every member). A person is on at most one team; an admin may be on none.
-- Removing someone marks the row removed (removed_at) rather than deleting it, so the audit trail
-- (app.request_events.actor_member_id) keeps saying who did what; the person's next call is refused.
--
-- Admins are members with role admin. app.admins is a view of them that also accepts inserts and
-- deletes, so "make this account an admin" stays one line of SQL (insert into app.admins (user_id)),
-- and app.is_admin() is the predicate other functions call.
--
-- Access: API roles have no privilege on schema app (security baseline), so there are no RLS
-- policies for them to pass; every read and write goes through the security definer RPCs here and
-- in the team workspace, each checking the caller's membership and role first. This migration
-- comes before the help requests because requests and their audit events name the member who
-- accepted or acted (app.help_requests.accepted_by, app.request_events.actor_member_id); the RPCs
-- below that touch requests (team_list, remove_team_member) are PL/pgSQL, resolved when called.
--
-- Objects: app.members, app.caller_email(), app.caller_member(), app.require_member(),
--          app.member_json(), app.admins (view) with app.admins_insert() and app.admins_delete()
--          (triggers admins_insert, admins_delete), app.is_admin(), app.managed_team(),
--          public.team_session(), public.team_list(), public.team_members(),
--          public.add_team_member(), public.remove_team_member().

/* The people of the workspaces. Listed by email before they ever sign in; removed rows stay for
   the audit trail. */
create table app.members (
  id bigint generated always as identity primary key,
  email text not null check (
    email = lower(btrim(email)) and char_length(email) between 6 and 254 and email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$'
  ),
  name text check (char_length(name) between 2 and 80),
  role text not null check (role in ('member', 'leader', 'admin')),
  team_id bigint references app.teams (id) on delete cascade,
  user_id uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  added_by bigint references app.members (id),
  first_signed_in_at timestamptz,
  removed_at timestamptz,
  removed_by bigint references app.members (id),
  check (role = 'admin' or team_id is not null)
);
comment on table app.members is 'People who may use the team workspace: listed by email with a role (member, leader, admin) and a team (optional for admins). Matched to auth.users by verified email at sign-in. Removed rows stay (removed_at) for the audit trail. Never readable by the API roles.';
comment on column app.members.email is 'Email the person signs in with, lower case. Unique among current members.';
comment on column app.members.name is 'Name shown to teammates (notes, who accepted); optional.';
comment on column app.members.role is 'member: works the team''s requests; leader: also manages the team''s members; admin: every team, the province pool and all members.';
comment on column app.members.team_id is 'The person''s team; null only for admins who are on no team.';
comment on column app.members.user_id is 'The Supabase Auth account, bound at the first sign-in with the verified email.';
comment on column app.members.added_by is 'Member (leader or admin) who added this person; null for seed data and SQL.';
comment on column app.members.first_signed_in_at is 'When the person first signed in to the workspace.';
comment on column app.members.removed_at is 'When the person was removed; from then on every call of theirs is refused.';
comment on column app.members.removed_by is 'Member who removed this person.';
-- One current membership per email and per account (sign-in matches by either); the foreign keys
-- are indexed too (a team's members, deletes in auth.users and app.teams, splinter's
-- unindexed_foreign_keys).
create unique index members_email_current_idx on app.members (email) where removed_at is null;
create unique index members_user_id_current_idx on app.members (user_id) where removed_at is null;
create index members_user_id_idx on app.members (user_id);
create index members_team_id_idx on app.members (team_id);
create index members_added_by_idx on app.members (added_by);
create index members_removed_by_idx on app.members (removed_by);
alter table app.members enable row level security;

/* The caller's email, only when it is proven: the auth.users row of auth.uid() has a confirmed
   email equal to the token's email claim, and this session signed in with an emailed code or link
   (amr otp / magiclink), not a password (a password sign-up on a project without email
   confirmation would otherwise claim anyone's invitation). */
create function app.caller_email()
returns text
language sql stable
set search_path = ''
as $$
  select lower(u.email::text)
  from auth.users u
  where u.id = (select auth.uid())
    and u.email_confirmed_at is not null
    and lower(u.email::text) = lower((select auth.jwt()) ->> 'email')
    and jsonb_typeof((select auth.jwt()) -> 'amr') = 'array'
    and exists (
      select 1 from jsonb_array_elements((select auth.jwt()) -> 'amr') a
      where a ->> 'method' in ('otp', 'magiclink')
    )
$$;
comment on function app.caller_email() is 'Verified email of the signed-in caller (confirmed in auth.users, equal to the JWT claim, session from an email code or link), else null.';

/* The caller's current membership: the row bound to auth.uid(), else an unbound row with the
   caller's verified email. A row of nulls when there is none. */
create function app.caller_member()
returns app.members
language sql stable
set search_path = ''
as $$
  select m.*
  from app.members m
  where m.removed_at is null
    and (m.user_id = (select auth.uid()) or (m.user_id is null and m.email = app.caller_email()))
  order by m.user_id is null
  limit 1
$$;
comment on function app.caller_member() is 'The signed-in caller''s current app.members row (by account id, else by verified email), or nulls.';

/* Every team RPC starts here: refuses callers who are not (or no longer) members with not_member,
   and binds an invited row to the caller's account on first use. */
create function app.require_member()
returns app.members
language plpgsql volatile
set search_path = ''
as $$
declare
  me app.members := app.caller_member();
begin
  if me.id is null then
    perform app.raise_code('not_member');
  end if;
  if me.user_id is null then
    update app.members m
    set user_id = (select auth.uid()), first_signed_in_at = coalesce(m.first_signed_in_at, now())
    where m.id = me.id
    returning m.* into me;
  end if;
  return me;
end
$$;
comment on function app.require_member() is 'The caller''s membership (binding an invited row to the account on first use); raises not_member.';

/* A member as the workspace shows them: no account id. */
create function app.member_json(m app.members)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', m.id,
    'email', m.email,
    'name', m.name,
    'role', m.role,
    'team_id', m.team_id,
    'signed_in', m.user_id is not null,
    'added_at', m.created_at
  )
$$;
comment on function app.member_json(app.members) is 'A member for the workspace: id, email, name, role, team id, whether they have signed in, when added.';

/* Admins as a table-like list: the README's documented way to make an account an admin is a row
   in app.admins. security_invoker: whoever reads it needs the rights on app.members itself (only
   the owner has them). */
create view app.admins with (security_invoker = true, security_barrier = true) as
  select m.user_id, m.created_at
  from app.members m
  where m.role = 'admin' and m.removed_at is null and m.user_id is not null;
comment on view app.admins is 'Admins with an account: a view of app.members with role admin. Inserting a user_id makes that account an admin; deleting takes the role away.';

/* Keeps `insert into app.admins (user_id)` working: the account's email becomes an admin member,
   or an existing member of that email is promoted (keeping their team). */
create function app.admins_insert()
returns trigger
language plpgsql volatile
set search_path = ''
as $$
declare
  account_email text;
begin
  select lower(u.email::text) into account_email from auth.users u where u.id = new.user_id;
  if account_email is null then
    raise exception 'admins: user % has no email', new.user_id using errcode = '23503';
  end if;
  update app.members m set role = 'admin', user_id = new.user_id
  where m.email = account_email and m.removed_at is null;
  if not found then
    insert into app.members (email, role, user_id, created_at)
    values (account_email, 'admin', new.user_id, coalesce(new.created_at, now()));
  end if;
  return new;
end
$$;
comment on function app.admins_insert() is 'INSTEAD OF INSERT on app.admins: makes the account an admin member.';

/* Deleting from app.admins takes the admin role away: a person on a team stays as a member of it,
   anyone else is removed. */
create function app.admins_delete()
returns trigger
language plpgsql volatile
set search_path = ''
as $$
begin
  update app.members m
  set role = case when m.team_id is null then m.role else 'member' end,
      removed_at = case when m.team_id is null then now() else m.removed_at end
  where m.user_id = old.user_id and m.role = 'admin' and m.removed_at is null;
  return old;
end
$$;
comment on function app.admins_delete() is 'INSTEAD OF DELETE on app.admins: removes the admin role.';

-- Inserting into and deleting from the view change app.members (functions above).
create trigger admins_insert instead of insert on app.admins for each row execute function app.admins_insert();
create trigger admins_delete instead of delete on app.admins for each row execute function app.admins_delete();

/* Whether the caller is an admin: the one predicate admin checks call (app.require_admin(),
   request_statistics). Security definer so that any function (or a later RLS policy) can ask the
   question without being granted the table; it reads only the caller's own row. */
create function app.is_admin()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select m.role = 'admin' from app.caller_member() m where m.id is not null), false)
$$;
comment on function app.is_admin() is 'Whether the signed-in caller is a current admin member (app.members role admin).';

/* Which team a leader or admin is managing: a leader only their own (null means their own); an
   admin any team, or with null the admins who are on no team. Raises forbidden otherwise. */
create function app.managed_team(me app.members, requested_team_id bigint)
returns bigint
language plpgsql stable
set search_path = ''
as $$
begin
  if me.role = 'admin' then
    return requested_team_id;
  end if;
  if me.role = 'leader' and (requested_team_id is null or requested_team_id = me.team_id) then
    return me.team_id;
  end if;
  perform app.raise_code('forbidden');
end
$$;
comment on function app.managed_team(app.members, bigint) is 'Team whose members the caller may manage (leader: own team; admin: any, null = the admins on no team); raises forbidden.';

/* Security definer: authenticated has no privileges on schema app. Answers {member: null} rather
   than an error for a signed-in person on no team, so the workspace can say so plainly. */
create function public.team_session()
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
begin
  perform app.require_post();
  if (app.caller_member()).id is null then
    return jsonb_build_object('member', null);
  end if;
  me := app.require_member();
  return jsonb_build_object(
    'member', app.member_json(me) || jsonb_build_object(
      'team', (
        select jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name, 'commune_name', c.name)
        from app.teams t join app.communes c on c.code = t.commune_code
        where t.id = me.team_id
      )
    ),
    'settings', jsonb_build_object(
      'accept_within_minutes', coalesce((app.setting('escalation.accept_within_minutes') #>> '{}')::integer, 360),
      'min_contact_attempts', coalesce((app.setting('team.min_contact_attempts') #>> '{}')::integer, 3)
    )
  );
end
$$;
comment on function public.team_session() is 'The signed-in caller''s membership for the team workspace: {member: null} when on no team, else {member: {id, email, name, role, team_id, signed_in, added_at, team {id, code, name, commune_name} | null}, settings {accept_within_minutes, min_contact_attempts}}. Binds an invited email to the account. POST only.';
grant execute on function public.team_session() to authenticated;

/* Security definer: lists teams for the workspace's team picker. Admins get every team; others only
   their own. Counts only, no personal data. */
create function public.team_list()
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
begin
  perform app.require_post();
  me := app.require_member();
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', t.id, 'code', t.code, 'name', t.name, 'commune_name', c.name, 'active', t.active,
      'capacity', t.capacity,
      'open_count', (select count(*) from app.help_requests h where h.team_id = t.id and h.status in ('assigned', 'accepted')),
      'member_count', (select count(*) from app.members m where m.team_id = t.id and m.removed_at is null)
    ) order by t.active desc, t.name)
    from app.teams t join app.communes c on c.code = t.commune_code
    where me.role = 'admin' or t.id = me.team_id
  ), '[]'::jsonb);
end
$$;
comment on function public.team_list() is 'Teams the caller may look at: every team for admins, else their own. [{id, code, name, commune_name, active, capacity, open_count, member_count}]. Errors: not_member. POST only.';
grant execute on function public.team_list() to authenticated;

/* Security definer: members of a team for leaders (their team) and admins (any team; without a
   team id: the admins on no team). */
create function public.team_members(team_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  managed bigint;
begin
  perform app.require_post();
  me := app.require_member();
  managed := app.managed_team(me, team_members.team_id);
  return coalesce((
    select jsonb_agg(app.member_json(m) order by m.role <> 'leader', m.email)
    from app.members m
    where m.removed_at is null
      and (m.team_id = managed or (managed is null and m.team_id is null))
  ), '[]'::jsonb);
end
$$;
comment on function public.team_members(bigint) is 'Current members of a team (leaders: their own; admins: any, or without an argument the admins on no team). [{id, email, name, role, team_id, signed_in, added_at}]. Errors: not_member, forbidden. POST only.';
grant execute on function public.team_members(bigint) to authenticated;

/* Security definer: adds a person by email. Leaders add members and leaders to their own team;
   admins add anyone anywhere, admins too (an admin may be on no team). */
create function public.add_team_member(
  email text default null,
  team_id bigint default null,
  role text default 'member',
  name text default null
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  managed bigint;
  clean_email text := lower(btrim(coalesce(add_team_member.email, '')));
  clean_name text := nullif(app.clean_line(add_team_member.name), '');
  added app.members;
begin
  perform app.require_post();
  me := app.require_member();
  managed := app.managed_team(me, add_team_member.team_id);
  if add_team_member.role is null or add_team_member.role not in ('member', 'leader', 'admin')
    or (add_team_member.role = 'admin' and me.role <> 'admin')
    or (add_team_member.role <> 'admin' and managed is null) then
    perform app.raise_code('role_invalid');
  end if;
  if char_length(clean_email) not between 6 and 254 or clean_email !~ '^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$' then
    perform app.raise_code('email_invalid');
  end if;
  if clean_name is not null and not app.is_valid_name(clean_name) then
    perform app.raise_code('name_invalid');
  end if;
  if managed is not null and not exists (select 1 from app.teams t where t.id = managed and t.active) then
    perform app.raise_code('team_invalid');
  end if;
  if exists (select 1 from app.members m where m.email = clean_email and m.removed_at is null) then
    perform app.raise_code('member_exists');
  end if;

  -- Bound to an account only when that person signs in with a code sent to this email.
  insert into app.members (email, name, role, team_id, added_by)
  values (clean_email, clean_name, add_team_member.role, managed, me.id)
  returning * into added;
  return app.member_json(added);
end
$$;
comment on function public.add_team_member(text, bigint, text, text) is 'Adds a person by email to a team with a role (leaders: their team, member or leader; admins: any team, any role; admins may be on no team). Returns the member. Errors: not_member, forbidden, role_invalid, email_invalid, name_invalid, team_invalid, member_exists. POST only.';
grant execute on function public.add_team_member(text, bigint, text, text) to authenticated;

/* Security definer: removes a member (leaders: from their own team, never an admin; admins: anyone
   but themselves). Requests the person had accepted go back to their team's queue, each with an
   audit event, so nothing is left with someone who can no longer sign in. */
create function public.remove_team_member(member_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  target app.members;
  released integer := 0;
begin
  perform app.require_post();
  me := app.require_member();
  select m.* into target from app.members m
  where m.id = remove_team_member.member_id and m.removed_at is null
  for update;
  if target.id is null or (me.role <> 'admin' and target.team_id is distinct from me.team_id) then
    perform app.raise_code('not_found');
  end if;
  if me.role = 'member' or (me.role = 'leader' and target.role = 'admin') then
    perform app.raise_code('forbidden');
  end if;
  if target.id = me.id then
    perform app.raise_code('cannot_remove_self');
  end if;

  update app.members m set removed_at = now(), removed_by = me.id where m.id = target.id;

  with back as (
    update app.help_requests h
    set status = 'assigned', accepted_at = null, accepted_by = null, assigned_at = now(), updated_at = now()
    where h.accepted_by = target.id and h.status = 'accepted'
    returning h.id, h.team_id
  ), logged as (
    insert into app.request_events (request_id, kind, status_after, team_id, reason, actor, actor_member_id)
    select b.id, 'released', 'assigned', b.team_id, 'member_removed',
      case when me.role = 'admin' then 'admin' else 'team' end, me.id
    from back b
    returning 1
  )
  select count(*) into released from logged;

  return jsonb_build_object('removed', true, 'released', released);
end
$$;
comment on function public.remove_team_member(bigint) is 'Removes a member (leaders: own team, not admins; admins: anyone but themselves); their accepted requests return to the team queue. Returns {removed: true, released: n}. Errors: not_member, not_found, forbidden, cannot_remove_self. POST only.';
grant execute on function public.remove_team_member(bigint) to authenticated;
