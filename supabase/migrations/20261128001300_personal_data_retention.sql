-- Retention and the citizen's right to erasure.
--
-- Personal data of a help request is kept only while the purpose needs it: it is erased a
-- configurable number of days after the request is closed or cancelled (setting
-- retention.days_after_close, default 90), or at once when the citizen asks and no team is working
-- on the request; when a team is working on it, the request is flagged (erase_requested_at) and
-- erased as soon as it is closed or cancelled. What stays is anonymous: commune, needs, status,
-- outcome, times, routing.
--
-- Which columns are personal is data, not code: every column in schema app whose comment starts
-- with "PERSONAL DATA" is erased, on app.help_requests by id and on any other table by its
-- request_id column (e.g. the free-text notes a team writes on a request). A migration that adds a
-- personal column only has to comment it that way. Nullable personal columns are set to null; a
-- row whose personal column is NOT NULL (a note that is nothing but its text) is deleted.
--
-- Every erasure writes one audit event (kind personal_data_erased, reason retention /
-- citizen_request / citizen_cancel), with no personal data. Erasure is noticed by a trigger on
-- personal_data_erased_at, so cancel_request's own erase path (booking migration) gets the same
-- clean-up of other tables and the same audit event. The retention job runs every minute through
-- app.run_scheduled_jobs() (scheduled jobs migration).
--
-- Objects: app.personal_columns(), app.erasure_linked_tables(), app.erase_personal_data(),
--          app.help_requests_erased() (trigger help_requests_erased),
--          app.help_requests_erase_on_close() (trigger help_requests_erase_on_close),
--          app.erase_expired_personal_data(), public.request_data_erasure().

/* Personal columns of schema app: those whose comment starts with "PERSONAL DATA". Tables other
   than help_requests qualify only when they link to a request through a request_id column. */
create function app.personal_columns()
returns table (table_name name, column_name name, not_null boolean)
language sql stable
set search_path = ''
as $$
  select c.relname, a.attname, a.attnotnull
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'app' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    and col_description(c.oid, a.attnum) like 'PERSONAL DATA%'
    and (c.relname = 'help_requests' or exists (
      select 1 from pg_attribute r where r.attrelid = c.oid and r.attname = 'request_id' and not r.attisdropped))
  order by 1, 2
$$;
comment on function app.personal_columns() is 'Columns of schema app commented "PERSONAL DATA" (on help_requests, or on tables with a request_id), which erasure clears.';

/* The linked tables erasure clears: [{table_name, delete_rows, assignments}] from
   app.personal_columns() (delete the rows when a personal column is NOT NULL, else set the
   personal columns to null). */
create function app.erasure_linked_tables()
returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('table_name', x.table_name, 'delete_rows', x.delete_rows,
                                               'assignments', x.assignments) order by x.table_name), '[]')
  from (
    select p.table_name,
           bool_or(p.not_null) as delete_rows,
           string_agg(format('%I = null', p.column_name), ', ') as assignments
    from app.personal_columns() p
    where p.table_name <> 'help_requests'
    group by p.table_name
  ) x
$$;
comment on function app.erasure_linked_tables() is 'Linked tables erasure clears, from app.personal_columns(): [{table_name, delete_rows, assignments}].';

/* Erases the personal columns of the given requests (those not erased yet) and returns how many
   were erased. The trigger app.help_requests_erased() then clears linked tables and writes the
   audit event; the reason is passed to it in the transaction-local setting app.erasure_reason, and
   the linked tables' statements in app.erasure_linked, worked out once here: the retention job
   erases hundreds of requests per run, and reading the catalogue per request was most of its time
   on PGlite (1.8 s for a day's expiries at a year of data, 0.4 s with it read once). */
create function app.erase_personal_data(request_ids bigint[], reason text)
returns integer
language plpgsql volatile
set search_path = ''
as $$
declare
  assignments text;
  erased integer;
begin
  if reason is null or reason !~ '^[a-z_]{2,40}$' then
    raise exception 'erase_personal_data: bad reason %', reason;
  end if;
  select string_agg(format('%I = null', p.column_name), ', ') into assignments
  from app.personal_columns() p where p.table_name = 'help_requests';
  perform set_config('app.erasure_reason', reason, true);
  perform set_config('app.erasure_linked', app.erasure_linked_tables()::text, true);
  execute format(
    'update app.help_requests h set %s, personal_data_erased_at = now(), erase_requested_at = null, updated_at = now()
     where h.id = any ($1) and h.personal_data_erased_at is null', assignments)
  using request_ids;
  get diagnostics erased = row_count;
  perform set_config('app.erasure_reason', '', true);
  perform set_config('app.erasure_linked', '', true);
  return erased;
end
$$;
comment on function app.erase_personal_data(bigint[], text) is 'Erases every personal column of the given requests (and, through a trigger, of linked tables), writing one audit event each. Returns the number erased.';

/* AFTER UPDATE trigger: when a request's personal data has just been erased (by any path, also
   cancel_request's own), clear the personal columns of linked tables and record the erasure. The
   linked tables come from app.erase_personal_data() (app.erasure_linked), or from the catalogue
   when that is empty (cancel_request sets personal_data_erased_at itself), so every path clears
   the same columns. */
create function app.help_requests_erased()
returns trigger
language plpgsql volatile
set search_path = ''
as $$
declare
  t record;
begin
  for t in
    select x.table_name, x.delete_rows, x.assignments
    from jsonb_to_recordset(coalesce(nullif(current_setting('app.erasure_linked', true), '')::jsonb,
                                     app.erasure_linked_tables()))
      as x(table_name text, delete_rows boolean, assignments text)
  loop
    if t.delete_rows then
      execute format('delete from app.%I where request_id = $1', t.table_name) using new.id;
    else
      execute format('update app.%I set %s where request_id = $1', t.table_name, t.assignments) using new.id;
    end if;
  end loop;
  insert into app.request_events (request_id, kind, status_after, team_id, reason, actor)
  values (new.id, 'personal_data_erased', new.status, new.team_id,
    coalesce(nullif(current_setting('app.erasure_reason', true), ''), 'citizen_cancel'),
    case when coalesce(nullif(current_setting('app.erasure_reason', true), ''), 'citizen_cancel') = 'retention'
      then 'system' else 'citizen' end);
  return null;
end
$$;
comment on function app.help_requests_erased() is 'Trigger: after a request''s personal data is erased, clears linked personal columns (notes) and writes the personal_data_erased audit event.';

-- Fires once per request, when personal_data_erased_at is first set, whichever path set it.
create trigger help_requests_erased
  after update of personal_data_erased_at on app.help_requests
  for each row
  when (old.personal_data_erased_at is null and new.personal_data_erased_at is not null)
  execute function app.help_requests_erased();

/* AFTER UPDATE trigger: a request flagged by the citizen is erased the moment it is closed or
   cancelled, whichever code path closes it (the team workspace's close, a cancellation). */
create function app.help_requests_erase_on_close()
returns trigger
language plpgsql volatile
set search_path = ''
as $$
begin
  perform app.erase_personal_data(array[new.id], 'citizen_request');
  return null;
end
$$;
comment on function app.help_requests_erase_on_close() is 'Trigger: erases a request''s personal data when it is closed or cancelled after the citizen asked for erasure.';

-- Fires when a flagged request, not yet erased, is closed or cancelled.
create trigger help_requests_erase_on_close
  after update of status on app.help_requests
  for each row
  when (new.status in ('closed', 'cancelled') and new.erase_requested_at is not null
    and new.personal_data_erased_at is null)
  execute function app.help_requests_erase_on_close();

/* The retention job: erases requests closed or cancelled more than retention.days_after_close days
   ago (default 90), and any flagged request that has ended. At most 5,000 per run so that one run
   stays short; the schedule runs it again. Returns how many were erased. */
create function app.erase_expired_personal_data()
returns integer
language plpgsql volatile
set search_path = ''
as $$
declare
  days integer := greatest(coalesce((app.setting('retention.days_after_close') #>> '{}')::integer, 90), 0);
  ids bigint[];
begin
  select coalesce(array_agg(x.id), '{}') into ids
  from (
    select h.id
    from app.help_requests h
    where h.personal_data_erased_at is null
      and h.status in ('closed', 'cancelled')
      and (coalesce(h.closed_at, h.cancelled_at) < now() - make_interval(days => days)
        or h.erase_requested_at is not null)
    order by coalesce(h.closed_at, h.cancelled_at)
    limit 5000
    for update skip locked
  ) x;
  if cardinality(ids) = 0 then
    return 0;
  end if;
  return app.erase_personal_data(ids, 'retention');
end
$$;
comment on function app.erase_expired_personal_data() is 'Retention job: erases the personal data of requests closed or cancelled more than retention.days_after_close days ago (at most 5,000 per run). Returns the number erased.';

-- ---------------------------------------------------------------------------------------------
-- RPC: the citizen asks for erasure (anon)

/* Security definer: anon has no privilege on schema app. POST only, rate-limited per address and,
   through app.find_request, per code, with the generic {found: false} for a wrong code or phone,
   exactly like request_status. When no team is working on the request (unassigned or assigned and
   not yet accepted) it is cancelled, since it cannot be served without a contact, and erased at
   once; a closed or cancelled request is erased at once; an accepted one is flagged and erased by
   the trigger above when the team closes it. Returns no personal data. */
create function public.request_data_erasure(code text default null, phone text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  request_id bigint;
  req record;
begin
  perform app.require_post();
  if not app.rate_limit_take('lookup.per_address', app.client_address()) then
    perform app.raise_code('rate_limited');
  end if;
  request_id := app.find_request(code, phone);
  if request_id is null then
    return jsonb_build_object('found', false);
  end if;

  select h.id, h.status, h.team_id, h.erase_requested_at into req
  from app.help_requests h where h.id = request_id for update;

  if req.status = 'accepted' then
    if req.erase_requested_at is null then
      update app.help_requests h set erase_requested_at = now(), updated_at = now() where h.id = req.id;
      insert into app.request_events (request_id, kind, status_after, team_id, reason, actor)
      values (req.id, 'erasure_requested', 'accepted', req.team_id, 'citizen_request', 'citizen');
    end if;
    return jsonb_build_object('found', true, 'status', 'accepted', 'erased', false, 'erase_requested', true);
  end if;

  if req.status in ('unassigned', 'assigned') then
    update app.help_requests h set
      status = 'cancelled', cancelled_at = now(), cancel_reason = 'other', updated_at = now()
    where h.id = req.id;
    insert into app.request_events (request_id, kind, status_after, team_id, reason, actor)
    values (req.id, 'cancelled', 'cancelled', req.team_id, 'erasure_requested', 'citizen');
    req.status := 'cancelled';
  end if;
  perform app.erase_personal_data(array[req.id], 'citizen_request');
  return jsonb_build_object('found', true, 'status', req.status, 'erased', true, 'erase_requested', false);
end
$$;
comment on function public.request_data_erasure(text, text) is 'The citizen asks for their request''s personal data to be erased (anon, POST only, rate-limited). Erased at once when no team is working on it (an open request is cancelled too), else flagged and erased when the team closes it. Returns {found: false} or {found: true, status, erased, erase_requested}. Errors: rate_limited, post_required.';
grant execute on function public.request_data_erasure(text, text) to anon, authenticated;
