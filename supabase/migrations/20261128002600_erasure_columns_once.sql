-- Erasure reads the catalogue of personal columns once per call, not once per erased request.
--
-- The trigger app.help_requests_erased() fires per erased request and asked app.personal_columns()
-- (pg_attribute and col_description over every column of schema app) each time which linked
-- tables to clear: the retention job erasing a day's expiries (hundreds of requests, up to 5,000
-- per run) read the catalogue that many times, most of its time on PGlite. Now
-- app.erase_personal_data() works out the linked tables' statements once and hands them to the
-- trigger in the transaction-local setting app.erasure_linked, as it already hands over the reason;
-- the trigger falls back to the catalogue when that is empty (cancel_request sets
-- personal_data_erased_at itself), so every path clears the same columns as before.
--
-- Objects: app.erasure_linked_tables(), app.erase_personal_data(), app.help_requests_erased().

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

create or replace function app.erase_personal_data(request_ids bigint[], reason text)
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
  -- Read once here for every request of the update below (the trigger reads it per row).
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

create or replace function app.help_requests_erased()
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
