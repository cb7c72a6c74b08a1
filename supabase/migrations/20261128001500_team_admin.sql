-- Admin: teams at provincial scale. List with search and filters, create, edit,
-- deactivate (never delete: teams have history), CSV import and export.
--
-- CSV is parsed here, in SQL, not in the browser: the admin page sends the file's text as it is, so
-- every client (the page, a script with curl, psql) gets the same parser, the same rules and the
-- same line numbers, and the tests exercise the real thing. The format is what a spreadsheet
-- exports: UTF-8 (a byte-order mark is ignored), comma-separated, a header row, fields quoted with
-- "…" when they hold commas, quotes ("") or line breaks, CRLF or LF line ends.
--
-- Columns (header names; order free): code, name, commune (code, slug or name; also accepted as
-- commune_code), base_lat, base_lon (a decimal point or comma), service_radius_m (default 5000),
-- capacity (default 10), public_phone (optional; any spelling the booking form takes), active (có/không, 1/0, true/false, x; default
-- có), covers (more communes the team covers, separated by ";"). A team always covers its own
-- commune. Teams are matched by code: a new code creates a team, a known one updates it when
-- something differs, else it is unchanged; so importing the same file twice changes nothing.
-- Teams absent from the file are left alone. An import is all-or-nothing: every row is checked
-- first, and one error anywhere changes nothing; errors come back as (line, column, code, value).
--
-- Objects: app.fold_text(), app.commune_lookup(), app.resolve_commune(), app.field_error(),
--          app.check_team_fields(),
--          app.parse_csv(), app.csv_field(), app.team_covers(), app.save_team(),
--          app.reroute_team_requests(), app.require_admin(), app.admin_team_json(),
--          public.admin_teams(), public.admin_save_team(),
--          public.admin_set_team_active(), public.admin_import_teams(), public.admin_export_teams().

-- ---------------------------------------------------------------------------------------------
-- Helpers

/* Vietnamese text without diacritics, lower case, punctuation as single spaces; mirrors
   foldVietnamese() in src/lib/text/fold.ts. Used for search and for matching commune names. */
create function app.fold_text(raw text)
returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select btrim(regexp_replace(
    lower(translate(regexp_replace(normalize(raw, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dD')),
    '[^a-z0-9]+', ' ', 'g'))
$$;
comment on function app.fold_text(text) is 'Text folded to lower-case ASCII words (no diacritics, đ → d); mirrors src/lib/text/fold.ts.';

/* Every way people write a commune in a spreadsheet, as one lookup object: its code (06685), slug
   (hong-gai), and name folded with and without its type (phuong hong gai, hong gai) → code. Built
   once per import rather than per row: folding 54 names for each of 1,500 rows is slow on PGlite. */
create function app.commune_lookup()
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_object_agg(k.key, k.code)
  from (
    select c.code as key, c.code from app.communes c
    union all select c.slug, c.code from app.communes c
    union all select app.fold_text(c.name), c.code from app.communes c
    union all select app.fold_text(regexp_replace(c.name, '^(Phường|Xã|Đặc khu) ', '')), c.code from app.communes c
  ) k
$$;
comment on function app.commune_lookup() is 'Lookup object from a commune''s code, slug and folded names (with and without type) to its code.';

/* A commune as written in a spreadsheet (code, slug or name, diacritics optional), or null. */
create function app.resolve_commune(raw text, lookup jsonb default null)
returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    coalesce(lookup, app.commune_lookup()) ->> btrim(raw),
    coalesce(lookup, app.commune_lookup()) ->> lower(btrim(raw)),
    coalesce(lookup, app.commune_lookup()) ->> app.fold_text(raw))
  where btrim(coalesce(raw, '')) <> ''
$$;
comment on function app.resolve_commune(text, jsonb) is 'Commune code for a code, slug or (folded) name, with or without its type; null when unknown. Pass app.commune_lookup() when resolving many.';

/* One problem with a team field, for the CSV import and the team form: the column, the error code
   and the value as written (cut to 60 characters, absent when empty), so the page can show what
   was wrong beside the format it expects. */
create function app.field_error(field text, code text, value text)
returns jsonb
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  return jsonb_strip_nulls(jsonb_build_object('column', field, 'code', code, 'value', left(nullif(btrim(value), ''), 60)));
end
$$;
comment on function app.field_error(text, text, text) is 'A team field problem as {column, code, value}: the value as written, cut to 60 characters, absent when empty.';

/* Checks the fields of one team, all given as text (a CSV row or the edit form), and returns
   {clean: {...}, errors: [{column, code}]}. The one rule book for import, create and edit.
   Codes: required, invalid, too_long, outside_province, out_of_range, unknown. */
create function app.check_team_fields(fields jsonb, communes jsonb default null)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  errors jsonb := '[]'::jsonb;
  v text;
  v_code text;
  v_name text;
  v_commune text;
  v_lat double precision;
  v_lon double precision;
  v_radius integer := 5000;
  v_capacity integer := 10;
  v_phone text;
  v_active boolean := true;
  v_covers text[] := '{}';
  part text;
  resolved text;
  lookup jsonb := coalesce(communes, app.commune_lookup());
begin
  v_code := upper(btrim(coalesce(fields ->> 'code', '')));
  if v_code = '' then
    errors := errors || jsonb_build_object('column', 'code', 'code', 'required');
  elsif v_code !~ '^[A-Z0-9][A-Z0-9-]{1,31}$' then
    errors := errors || app.field_error('code', 'invalid', fields ->> 'code');
  end if;

  v_name := app.clean_line(coalesce(fields ->> 'name', ''));
  if v_name = '' then
    errors := errors || jsonb_build_object('column', 'name', 'code', 'required');
  elsif char_length(v_name) not between 3 and 120
    or v_name ~ '[\u0001-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff<>]'
    -- A name a spreadsheet would run as a formula (exports neutralise it too: app.csv_field).
    or v_name ~ '^[=+\-@]' then
    errors := errors || app.field_error('name', 'invalid', fields ->> 'name');
  end if;

  v := btrim(coalesce(fields ->> 'commune', ''));
  if v = '' then
    errors := errors || jsonb_build_object('column', 'commune', 'code', 'required');
  else
    v_commune := app.resolve_commune(v, lookup);
    if v_commune is null then
      errors := errors || app.field_error('commune', 'unknown', fields ->> 'commune');
    end if;
  end if;

  -- Latitude and longitude: a decimal point or a decimal comma; inside the province's box.
  v := replace(btrim(coalesce(fields ->> 'base_lat', '')), ',', '.');
  if v = '' then
    errors := errors || jsonb_build_object('column', 'base_lat', 'code', 'required');
  elsif v !~ '^-?[0-9]{1,3}(\.[0-9]{1,10})?$' then
    errors := errors || app.field_error('base_lat', 'invalid', fields ->> 'base_lat');
  else
    v_lat := v::double precision;
    if v_lat not between 20.6 and 21.75 then
      errors := errors || app.field_error('base_lat', 'outside_province', fields ->> 'base_lat');
    end if;
  end if;
  v := replace(btrim(coalesce(fields ->> 'base_lon', '')), ',', '.');
  if v = '' then
    errors := errors || jsonb_build_object('column', 'base_lon', 'code', 'required');
  elsif v !~ '^-?[0-9]{1,3}(\.[0-9]{1,10})?$' then
    errors := errors || app.field_error('base_lon', 'invalid', fields ->> 'base_lon');
  else
    v_lon := v::double precision;
    if v_lon not between 106.4 and 108.15 then
      errors := errors || app.field_error('base_lon', 'outside_province', fields ->> 'base_lon');
    end if;
  end if;

  v := regexp_replace(btrim(coalesce(fields ->> 'service_radius_m', '')), '[ .]', '', 'g');
  if v <> '' then
    if v !~ '^[0-9]{1,7}$' then
      errors := errors || app.field_error('service_radius_m', 'invalid', fields ->> 'service_radius_m');
    else
      v_radius := v::integer;
      if v_radius not between 100 and 100000 then
        errors := errors || app.field_error('service_radius_m', 'out_of_range', fields ->> 'service_radius_m');
      end if;
    end if;
  end if;

  v := btrim(coalesce(fields ->> 'capacity', ''));
  if v <> '' then
    if v !~ '^[0-9]{1,5}$' then
      errors := errors || app.field_error('capacity', 'invalid', fields ->> 'capacity');
    else
      v_capacity := v::integer;
      if v_capacity not between 1 and 1000 then
        errors := errors || app.field_error('capacity', 'out_of_range', fields ->> 'capacity');
      end if;
    end if;
  end if;

  v := btrim(coalesce(fields ->> 'public_phone', ''));
  if v <> '' then
    -- Any spelling the booking form accepts (spaces, dots, +84), mobile or landline.
    v_phone := app.normalize_phone(v);
    if v_phone is null then
      errors := errors || app.field_error('public_phone', 'invalid', fields ->> 'public_phone');
    end if;
  end if;

  v := app.fold_text(coalesce(fields ->> 'active', ''));
  if v in ('', 'co', '1', 'true', 'x', 'yes', 'hoat dong') then
    v_active := true;
  elsif v in ('khong', '0', 'false', 'no', 'ngung', 'ngung hoat dong') then
    v_active := false;
  else
    errors := errors || app.field_error('active', 'invalid', fields ->> 'active');
  end if;

  for part in select btrim(p) from regexp_split_to_table(coalesce(fields ->> 'covers', ''), '[;\n]') p loop
    continue when part = '';
    resolved := app.resolve_commune(part, lookup);
    if resolved is null then
      errors := errors || app.field_error('covers', 'unknown', part);
      exit;
    end if;
    v_covers := v_covers || resolved;
  end loop;

  return jsonb_build_object(
    'errors', errors,
    'clean', case when jsonb_array_length(errors) > 0 then null else jsonb_build_object(
      'code', v_code, 'name', v_name, 'commune_code', v_commune, 'base_lat', v_lat, 'base_lon', v_lon,
      'service_radius_m', v_radius, 'capacity', v_capacity, 'public_phone', v_phone, 'active', v_active,
      -- The team's own commune is always covered; the list is sorted so that comparisons are stable.
      'covers', to_jsonb(array(select distinct c from unnest(v_covers || v_commune) c order by c))
    ) end
  );
end
$$;
comment on function app.check_team_fields(jsonb, jsonb) is 'Validates one team''s fields given as text; returns {clean, errors: [{column, code}]}. Shared by the CSV import and the edit form.';

/* Splits CSV text into records with the line each starts on (1-based). When a quote is not closed
   or stray text follows a quoted field, the last record has fields null and the line of the fault,
   and nothing after it is read. */
create function app.parse_csv(csv text)
returns table (line_no integer, fields text[])
language plpgsql immutable
set search_path = ''
as $$
declare
  tok text[];
  pos integer := 1;
  line integer := 1;
  rec_line integer := 1;
  cur text[] := '{}';
  field text;
  total integer;
  bytes bytea;
  piece bytea;
begin
  if left(csv, 1) = chr(65279) then
    csv := substr(csv, 2);
  end if;
  bytes := convert_to(csv, 'UTF8');
  total := octet_length(bytes);
  for tok in
    select m from regexp_matches(csv, '("(?:[^"]|"")*"|[^,"\r\n]*)(,|\r\n|\n|\r|$)', 'g') m
  loop
    -- Matches must follow each other with nothing skipped; a gap is a quoting error. Positions are
    -- counted in bytes of the UTF-8 text: substr() by characters would rescan the text each time.
    piece := convert_to(tok[1] || tok[2], 'UTF8');
    if substring(bytes from pos for octet_length(piece)) is distinct from piece then
      line_no := line;
      fields := null;
      return next;
      return;
    end if;
    pos := pos + octet_length(piece);
    field := tok[1];
    if left(field, 1) = '"' then
      -- Line breaks inside a quoted field move the line count on (CRLF, LF or CR each count once).
      line := line + (select count(*)::integer from regexp_matches(field, '\r\n|\n|\r', 'g'));
      field := replace(substr(field, 2, char_length(field) - 2), '""', '"');
    end if;
    cur := cur || field;
    if tok[2] = ',' then
      continue;
    end if;
    -- End of a record (a line break or the end of the text). Blank lines are skipped.
    if not (cardinality(cur) = 1 and cur[1] = '') then
      line_no := rec_line;
      fields := cur;
      return next;
    end if;
    cur := '{}';
    exit when tok[2] = '';
    line := line + 1;
    rec_line := line;
  end loop;
  if pos <= total then
    line_no := line;
    fields := null;
    return next;
  end if;
end
$$;
comment on function app.parse_csv(text) is 'RFC 4180 CSV (as spreadsheets export it) → records with their starting line number; a final record with null fields marks a quoting fault at its line.';

/* Communes a team covers, sorted. */
create function app.team_covers(team_id bigint)
returns text[]
language sql stable
set search_path = ''
as $$
  select coalesce(array_agg(tc.commune_code order by tc.commune_code), '{}')
  from app.team_communes tc where tc.team_id = team_covers.team_id
$$;
comment on function app.team_covers(bigint) is 'Sorted codes of the communes a team covers.';

/* Requests assigned to a team that has just been deactivated, not yet accepted, go back to routing
   (other teams); accepted ones stay with the team, which is working on them. Returns how many. */
create function app.reroute_team_requests(team_id bigint)
returns integer
language plpgsql volatile
set search_path = ''
as $$
declare
  r record;
  n integer := 0;
begin
  for r in
    select h.id from app.help_requests h
    where h.team_id = reroute_team_requests.team_id and h.status = 'assigned'
    order by h.created_at
  loop
    perform app.route_help_request(r.id, array[reroute_team_requests.team_id], 'admin');
    n := n + 1;
  end loop;
  return n;
end
$$;
comment on function app.reroute_team_requests(bigint) is 'Routes again the assigned (not accepted) requests of a deactivated team, excluding it. Returns how many.';

/* Writes one checked team (from app.check_team_fields) by code: creates it, updates it when
   something differs, or leaves it. Returns created, updated or unchanged. */
create function app.save_team(clean jsonb)
returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  existing app.teams;
  covers text[] := array(select jsonb_array_elements_text(clean -> 'covers'));
  outcome text;
begin
  select * into existing from app.teams t where t.code = clean ->> 'code' for update;
  if existing.id is null then
    insert into app.teams (code, name, commune_code, base_lat, base_lon, service_radius_m, capacity, public_phone, active)
    values (clean ->> 'code', clean ->> 'name', clean ->> 'commune_code', (clean ->> 'base_lat')::double precision,
      (clean ->> 'base_lon')::double precision, (clean ->> 'service_radius_m')::integer,
      (clean ->> 'capacity')::integer, clean ->> 'public_phone', (clean ->> 'active')::boolean)
    returning * into existing;
    insert into app.team_communes (team_id, commune_code) select existing.id, c from unnest(covers) c;
    return 'created';
  end if;

  if existing.name is distinct from clean ->> 'name'
    or existing.commune_code is distinct from clean ->> 'commune_code'
    or existing.base_lat is distinct from (clean ->> 'base_lat')::double precision
    or existing.base_lon is distinct from (clean ->> 'base_lon')::double precision
    or existing.service_radius_m is distinct from (clean ->> 'service_radius_m')::integer
    or existing.capacity is distinct from (clean ->> 'capacity')::integer
    or existing.public_phone is distinct from clean ->> 'public_phone'
    or existing.active is distinct from (clean ->> 'active')::boolean
  then
    update app.teams t set
      name = clean ->> 'name', commune_code = clean ->> 'commune_code',
      base_lat = (clean ->> 'base_lat')::double precision, base_lon = (clean ->> 'base_lon')::double precision,
      service_radius_m = (clean ->> 'service_radius_m')::integer, capacity = (clean ->> 'capacity')::integer,
      public_phone = clean ->> 'public_phone', active = (clean ->> 'active')::boolean, updated_at = now()
    where t.id = existing.id;
    outcome := 'updated';
  end if;

  if app.team_covers(existing.id) is distinct from covers then
    delete from app.team_communes tc where tc.team_id = existing.id and tc.commune_code <> all (covers);
    insert into app.team_communes (team_id, commune_code)
    select existing.id, c from unnest(covers) c on conflict do nothing;
    update app.teams t set updated_at = now() where t.id = existing.id;
    outcome := 'updated';
  end if;

  if existing.active and not (clean ->> 'active')::boolean then
    perform app.reroute_team_requests(existing.id);
  end if;
  return coalesce(outcome, 'unchanged');
end
$$;
comment on function app.save_team(jsonb) is 'Creates or updates a team by code from checked fields; returns created, updated or unchanged. Deactivation re-routes its assigned requests.';

/* Every admin RPC starts here: forbidden (42501, HTTP 403) for anyone who is not an admin. */
create function app.require_admin()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if not coalesce(app.is_admin(), false) then
    raise exception using message = 'forbidden', errcode = '42501';
  end if;
end
$$;
comment on function app.require_admin() is 'Raises forbidden (HTTP 403) unless the caller is an admin (app.is_admin()).';

/* A team as the admin workspace shows it. */
create function app.admin_team_json(t app.teams, open_count bigint)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', t.id, 'code', t.code, 'name', t.name, 'commune_code', t.commune_code,
    'commune_name', (select c.name from app.communes c where c.code = t.commune_code),
    'base_lat', t.base_lat, 'base_lon', t.base_lon, 'service_radius_m', t.service_radius_m,
    'capacity', t.capacity, 'public_phone', t.public_phone, 'active', t.active, 'is_demo', t.is_demo,
    'covers', to_jsonb(app.team_covers(t.id)), 'open_count', open_count,
    'updated_at', t.updated_at
  )
$$;
comment on function app.admin_team_json(app.teams, bigint) is 'A team for the admin workspace, with the communes it covers and its open request count.';

-- ---------------------------------------------------------------------------------------------
-- RPCs (authenticated, admins only). Security definer: authenticated has no privilege on schema
-- app; each checks app.require_admin() before anything else.

/* Teams, filtered and paged: search by code or name (without diacritics), commune, active,
   overloaded (open requests at or over capacity). */
create function public.admin_teams(
  search text default null,
  commune_code text default null,
  active boolean default null,
  overloaded boolean default null,
  page integer default 1,
  page_size integer default 50
)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  q text := nullif(app.fold_text(left(coalesce(search, ''), 100)), '');
  size integer := least(greatest(coalesce(page_size, 50), 1), 200);
  skip integer := (greatest(coalesce(page, 1), 1) - 1) * least(greatest(coalesce(page_size, 50), 1), 200);
  result jsonb;
begin
  perform app.require_admin();
  with open_counts as (
    select h.team_id, count(*) as n from app.help_requests h
    where h.status in ('assigned', 'accepted') and h.team_id is not null group by h.team_id
  ), matching as (
    select t, coalesce(o.n, 0) as open_count
    from app.teams t
    left join open_counts o on o.team_id = t.id
    where (q is null or app.fold_text(t.code || ' ' || t.name) like '%' || q || '%')
      and (admin_teams.commune_code is null or t.commune_code = admin_teams.commune_code
        or exists (select 1 from app.team_communes tc where tc.team_id = t.id and tc.commune_code = admin_teams.commune_code))
      and (admin_teams.active is null or t.active = admin_teams.active)
      and (admin_teams.overloaded is null or (coalesce(o.n, 0) >= t.capacity) = admin_teams.overloaded)
  )
  select jsonb_build_object(
    'total', (select count(*) from matching),
    'page', greatest(coalesce(page, 1), 1),
    'page_size', size,
    'teams', coalesce((
      select jsonb_agg(app.admin_team_json(p.t, p.open_count) order by (p.t).code)
      from (select * from matching m order by (m.t).code limit size offset skip) p
    ), '[]'::jsonb)
  ) into result;
  return result;
end
$$;
comment on function public.admin_teams(text, text, boolean, boolean, integer, integer) is 'Admins: teams filtered by search (code or name, diacritics optional), commune (own or covered), active and overloaded, paged by code. {total, page, page_size, teams: [{id, code, name, commune_code, commune_name, base_lat, base_lon, service_radius_m, capacity, public_phone, active, is_demo, covers, open_count, updated_at}]}. Errors: forbidden.';
grant execute on function public.admin_teams(text, text, boolean, boolean, integer, integer) to authenticated;

/* Creates a team (team_id null) or edits one; the code of an existing team never changes (it is
   the import key). Fields as in the CSV, as text. Returns {ok, team} or {ok: false, errors}. */
create function public.admin_save_team(team_id bigint default null, team jsonb default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  checked jsonb;
  existing app.teams;
  saved app.teams;
begin
  perform app.require_admin();
  if team is null or jsonb_typeof(team) <> 'object' then
    perform app.raise_code('payload_invalid');
  end if;
  checked := app.check_team_fields(team);
  if jsonb_array_length(checked -> 'errors') > 0 then
    return jsonb_build_object('ok', false, 'errors', checked -> 'errors');
  end if;
  if admin_save_team.team_id is null then
    if exists (select 1 from app.teams t where t.code = checked #>> '{clean,code}') then
      return jsonb_build_object('ok', false, 'errors', jsonb_build_array(jsonb_build_object('column', 'code', 'code', 'exists')));
    end if;
  else
    select * into existing from app.teams t where t.id = admin_save_team.team_id;
    if existing.id is null then
      perform app.raise_code('team_not_found');
    end if;
    if existing.code <> checked #>> '{clean,code}' then
      return jsonb_build_object('ok', false, 'errors', jsonb_build_array(jsonb_build_object('column', 'code', 'code', 'immutable')));
    end if;
  end if;
  perform app.save_team(checked -> 'clean');
  select * into saved from app.teams t where t.code = checked #>> '{clean,code}';
  return jsonb_build_object('ok', true, 'team', app.admin_team_json(saved,
    (select count(*) from app.help_requests h where h.team_id = saved.id and h.status in ('assigned', 'accepted'))));
end
$$;
comment on function public.admin_save_team(bigint, jsonb) is 'Admins: creates (team_id null) or edits a team; fields as in the CSV import, as text. Returns {ok: true, team} or {ok: false, errors: [{column, code}]}. Errors: forbidden, payload_invalid, team_not_found.';
grant execute on function public.admin_save_team(bigint, jsonb) to authenticated;

/* Deactivates (or reactivates) a team. Teams are never deleted: requests and events refer to them.
   Deactivating re-routes the team's requests not yet accepted. */
create function public.admin_set_team_active(team_id bigint default null, active boolean default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  existing app.teams;
  rerouted integer := 0;
begin
  perform app.require_admin();
  if admin_set_team_active.active is null then
    perform app.raise_code('payload_invalid');
  end if;
  select * into existing from app.teams t where t.id = admin_set_team_active.team_id for update;
  if existing.id is null then
    perform app.raise_code('team_not_found');
  end if;
  if existing.active <> admin_set_team_active.active then
    update app.teams t set active = admin_set_team_active.active, updated_at = now() where t.id = existing.id;
    if not admin_set_team_active.active then
      rerouted := app.reroute_team_requests(existing.id);
    end if;
  end if;
  return jsonb_build_object('id', existing.id, 'active', admin_set_team_active.active, 'rerouted', rerouted);
end
$$;
comment on function public.admin_set_team_active(bigint, boolean) is 'Admins: deactivates or reactivates a team (never deletes). Deactivating routes its assigned, not yet accepted requests to other teams. Returns {id, active, rerouted}. Errors: forbidden, payload_invalid, team_not_found.';
grant execute on function public.admin_set_team_active(bigint, boolean) to authenticated;

/* The CSV import. Parses and checks every row before writing anything; with any error nothing is
   written and the errors are returned (at most 200, with their total). With apply = false it only
   checks and counts (a preview). Imports run one at a time (table lock). */
create function public.admin_import_teams(csv text default null, apply boolean default true)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  known constant text[] := array['code', 'name', 'commune', 'base_lat', 'base_lon', 'service_radius_m',
    'capacity', 'public_phone', 'active', 'covers'];
  required constant text[] := array['code', 'name', 'commune', 'base_lat', 'base_lon'];
  header text[];
  rec record;
  errors jsonb := '[]'::jsonb;
  checked jsonb;
  cleans jsonb[] := '{}';
  code_key text;
  seen jsonb := '{}'::jsonb;
  fields jsonb;
  name text;
  outcome text;
  created integer := 0;
  updated integer := 0;
  unchanged integer := 0;
  row_count integer := 0;
  err jsonb;
  existing_row app.teams;
  malformed boolean := false;
  communes jsonb := app.commune_lookup();
begin
  perform app.require_admin();
  if csv is null or btrim(csv) = '' then
    return jsonb_build_object('ok', false, 'applied', false, 'error_count', 1,
      'errors', jsonb_build_array(jsonb_build_object('line', 1, 'column', null, 'code', 'file_empty')));
  end if;
  if char_length(csv) > 3000000 then
    return jsonb_build_object('ok', false, 'applied', false, 'error_count', 1,
      'errors', jsonb_build_array(jsonb_build_object('line', null, 'column', null, 'code', 'file_too_large')));
  end if;

  for rec in select * from app.parse_csv(csv) loop
    if rec.fields is null then
      errors := errors || jsonb_build_object('line', rec.line_no, 'column', null, 'code', 'csv_malformed');
      malformed := true;
      exit;
    end if;
    if header is null then
      -- Header names folded ("Commune Code" → commune_code); commune_code is an alias of commune.
      header := array(select replace(app.fold_text(h), ' ', '_') from unnest(rec.fields) h);
      header := array(select case h when 'commune_code' then 'commune' else h end from unnest(header) h);
      for i in 1 .. cardinality(header) loop
        if header[i] <> all (known) then
          errors := errors || jsonb_build_object('line', rec.line_no, 'column', rec.fields[i], 'code', 'column_unknown');
        elsif array_position(header, header[i]) < i then
          errors := errors || jsonb_build_object('line', rec.line_no, 'column', header[i], 'code', 'column_duplicate');
        end if;
      end loop;
      foreach name in array required loop
        if name <> all (header) then
          errors := errors || jsonb_build_object('line', rec.line_no, 'column', name, 'code', 'column_missing');
        end if;
      end loop;
      if jsonb_array_length(errors) > 0 then
        exit;
      end if;
      continue;
    end if;

    row_count := row_count + 1;
    if row_count > 5000 then
      errors := errors || jsonb_build_object('line', rec.line_no, 'column', null, 'code', 'too_many_rows');
      exit;
    end if;
    if cardinality(rec.fields) <> cardinality(header) then
      errors := errors || jsonb_build_object('line', rec.line_no, 'column', null, 'code', 'field_count');
      continue;
    end if;
    fields := '{}'::jsonb;
    for i in 1 .. cardinality(header) loop
      fields := fields || jsonb_build_object(header[i], rec.fields[i]);
    end loop;
    checked := app.check_team_fields(fields, communes);
    for err in select * from jsonb_array_elements(checked -> 'errors') loop
      errors := errors || (err || jsonb_build_object('line', rec.line_no));
    end loop;
    -- A code may appear once in a file; the second occurrence is the error, whatever else is wrong.
    code_key := upper(btrim(coalesce(fields ->> 'code', '')));
    if code_key <> '' and seen ? code_key then
      errors := errors || jsonb_build_object('line', rec.line_no, 'column', 'code', 'code', 'duplicate',
        'first_line', seen -> code_key);
    elsif code_key <> '' then
      seen := seen || jsonb_build_object(code_key, rec.line_no);
      if jsonb_typeof(checked -> 'clean') = 'object' then
        cleans := cleans || (checked -> 'clean');
      end if;
    end if;
  end loop;

  if header is null and not malformed then
    errors := errors || jsonb_build_object('line', 1, 'column', null, 'code', 'file_empty');
  elsif row_count = 0 and jsonb_array_length(errors) = 0 then
    errors := errors || jsonb_build_object('line', 2, 'column', null, 'code', 'no_rows');
  end if;

  if jsonb_array_length(errors) > 0 then
    return jsonb_build_object('ok', false, 'applied', false, 'rows', row_count,
      'error_count', jsonb_array_length(errors),
      'errors', (select jsonb_agg(e order by (e ->> 'line')::integer nulls first, o) from (
        select e, o from jsonb_array_elements(errors) with ordinality x(e, o) order by (e ->> 'line')::integer nulls first, o limit 200) s));
  end if;

  -- One import at a time: a second one waits, then sees this one's teams.
  lock table app.teams in share row exclusive mode;
  if not coalesce(apply, true) then
    for i in 1 .. cardinality(cleans) loop
      select * into existing_row from app.teams t where t.code = cleans[i] ->> 'code';
      if existing_row.id is null then
        created := created + 1;
      else
        -- Compare without writing, through the same code path: a savepoint rolled back.
        begin
          outcome := app.save_team(cleans[i]);
          raise exception using message = 'preview_rollback', errcode = 'P0001', detail = outcome;
        exception when sqlstate 'P0001' then
          get stacked diagnostics outcome = pg_exception_detail;
          if outcome = 'updated' then updated := updated + 1; else unchanged := unchanged + 1; end if;
        end;
      end if;
    end loop;
  else
    for i in 1 .. cardinality(cleans) loop
      outcome := app.save_team(cleans[i]);
      if outcome = 'created' then created := created + 1;
      elsif outcome = 'updated' then updated := updated + 1;
      else unchanged := unchanged + 1;
      end if;
    end loop;
  end if;

  return jsonb_build_object('ok', true, 'applied', coalesce(apply, true), 'rows', row_count,
    'created', created, 'updated', updated, 'unchanged', unchanged, 'error_count', 0, 'errors', '[]'::jsonb);
end
$$;
comment on function public.admin_import_teams(text, boolean) is 'Admins: imports teams from CSV text (see the migration header for the format). All-or-nothing: returns {ok: false, applied: false, rows, error_count, errors: [{line, column, code}]} and writes nothing when any row is wrong; else {ok: true, applied, rows, created, updated, unchanged}. apply = false only counts. Errors: forbidden.';
grant execute on function public.admin_import_teams(text, boolean) to authenticated;

/* A CSV field, quoted when it needs to be; the one field function of every CSV written in SQL
   (its TypeScript twin, csvField in src/lib/text/csv.ts, is held to the same cases by
   tests/db/admin-teams.test.ts). Text starting with = + - @, a tab or a carriage return would run
   as a formula in a spreadsheet (a team named =HYPERLINK(...) exported unchanged): it gets a
   leading ' and is quoted, as OWASP advises. */
create function app.csv_field(value text)
returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case when value is null then ''
    when value ~ '^[=+\-@\t\r]' then '"''' || replace(value, '"', '""') || '"'
    when value ~ '[",\r\n;]' or value <> btrim(value) then '"' || replace(value, '"', '""') || '"'
    else value end
$$;
comment on function app.csv_field(text) is 'Quotes a CSV field when it holds a comma, quote, semicolon, line break or edge spaces; text starting with = + - @, tab or CR gets a leading '' (spreadsheet formula injection).';

/* Every team as CSV, in the import format, so that exporting and importing again changes nothing. */
create function public.admin_export_teams()
returns text
language plpgsql stable security definer
set search_path = ''
as $$
declare
  body text;
begin
  perform app.require_admin();
  select string_agg(concat_ws(',',
      app.csv_field(t.code), app.csv_field(t.name), app.csv_field(t.commune_code),
      t.base_lat::text, t.base_lon::text, t.service_radius_m::text, t.capacity::text,
      app.csv_field(t.public_phone), case when t.active then 'có' else 'không' end,
      app.csv_field(nullif(array_to_string(array(
        select c from unnest(app.team_covers(t.id)) c where c <> t.commune_code), ';'), ''))
    ), e'\r\n' order by t.code)
  into body
  from app.teams t;
  return 'code,name,commune,base_lat,base_lon,service_radius_m,capacity,public_phone,active,covers' || e'\r\n'
    || coalesce(body || e'\r\n', '');
end
$$;
comment on function public.admin_export_teams() is 'Admins: every team as CSV text in the import format (code, name, commune, base_lat, base_lon, service_radius_m, capacity, public_phone, active, covers). Errors: forbidden.';
grant execute on function public.admin_export_teams() to authenticated;
