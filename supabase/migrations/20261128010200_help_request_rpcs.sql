-- Help requests: the three functions the browser calls (anon), POST only.
--
--   request_help(request jsonb)                 book in-person help; idempotent by the client's key
--   request_status(code text, phone text)       status of a request; generic answer when not found
--   cancel_request(code text, phone text, reason text, erase_personal_data boolean)
--
-- They are security definer because anon has no privilege on schema app (the tables hold personal
-- data); each checks its input itself and returns no personal data. They are volatile (they write
-- rate-limit buckets), so PostgREST runs GET requests on them read-only and they fail; on top of
-- that each refuses any method but POST before reading its arguments, so arguments (phone numbers)
-- are never processed from a URL. Rejections are stable codes: see docs in src/lib/booking/errors.ts.
--
-- Objects: app.require_post(), app.find_request(), public.request_help(),
--          public.request_status(), public.cancel_request().

/* PostgREST sets request.method for every request; direct SQL calls (jobs, tests) have none.
   errcode 25006 (read-only transaction) is what PostgREST answers with 405 Method Not Allowed. */
create function app.require_post()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if coalesce(current_setting('request.method', true), '') not in ('', 'POST') then
    raise exception using message = 'post_required', errcode = '25006';
  end if;
end
$$;
comment on function app.require_post() is 'Refuses any HTTP method but POST (405 through PostgREST), so personal data never travels in a URL.';

/* Finds a request by reference code and phone (the citizen's or, when booked on their behalf, the
   helper's). Failed look-ups of a well-formed code count against lookup.per_code, so a known code
   cannot be paired with guessed phone numbers; once used up, even the right phone waits. */
create function app.find_request(code text, phone text)
returns bigint
language plpgsql volatile
set search_path = ''
as $$
declare
  clean_code text := app.normalize_reference_code(code);
  clean_phone text := app.normalize_phone(phone);
  request_id bigint;
begin
  if clean_code is not null and app.rate_limit_reached('lookup.per_code', clean_code) then
    perform app.raise_code('rate_limited');
  end if;
  select h.id into request_id
  from app.help_requests h
  where h.reference_code = clean_code
    and clean_phone is not null
    and (h.citizen_phone = clean_phone or h.helper_phone = clean_phone);
  if request_id is null and clean_code is not null then
    perform app.rate_limit_take('lookup.per_code', clean_code);
  end if;
  return request_id;
end
$$;
comment on function app.find_request(text, text) is 'Request id for a reference code and phone, or null; counts failed look-ups per code.';

/* Security definer: anon may not touch app tables. Validates everything (app.validate_help_request),
   de-duplicates by the idempotency key, stores the request with its consent, routes it, then takes
   the rate limits (last, so their bucket rows are locked only until commit; a refusal rolls the
   whole request back). Returns app.help_request_answer(): no personal data. */
create function public.request_help(request jsonb default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v jsonb;
  contact text;
  address text;
  existing record;
  new_id bigint;
  code text;
begin
  perform app.require_post();
  v := app.validate_help_request(request);
  contact := coalesce(v ->> 'helper_phone', v ->> 'phone');

  -- A repeated submission (double tap, reload, retry after a lost answer) gets the first answer.
  select h.id, coalesce(h.helper_phone, h.citizen_phone) as contact into existing
  from app.help_requests h where h.idempotency_key = (v ->> 'idempotency_key')::uuid;
  if found then
    if existing.contact is distinct from contact then
      perform app.raise_code('idempotency_conflict');
    end if;
    return app.help_request_answer(existing.id);
  end if;

  -- Cheap refusal before any write when a limit is already used up (counted for real below).
  address := app.client_address();
  if app.rate_limit_reached('request_help.per_phone', contact) then
    perform app.raise_code('rate_limited_phone');
  end if;
  if app.rate_limit_reached('request_help.per_address', address) then
    perform app.raise_code('rate_limited_address');
  end if;

  -- A clash of 44-bit codes is astronomically rare; the unique constraint is the last word.
  loop
    code := app.new_reference_code();
    exit when not exists (select 1 from app.help_requests h where h.reference_code = code);
  end loop;

  insert into app.help_requests (
    reference_code, idempotency_key, commune_code, needs, guide_code, guide_step, time_window,
    source_poster, on_behalf, verification_word, consent_version, consented_at, status, gps_ignored,
    citizen_name, citizen_phone, helper_name, helper_phone, address, description, gps_lat, gps_lon
  ) values (
    code,
    (v ->> 'idempotency_key')::uuid,
    v ->> 'commune_code',
    array(select jsonb_array_elements_text(v -> 'needs')),
    v ->> 'guide_code',
    (v ->> 'guide_step')::smallint,
    v ->> 'time_window',
    v ->> 'source_poster',
    (v ->> 'on_behalf')::boolean,
    app.new_verification_word(),
    v ->> 'consent_version',
    now(),
    'unassigned',
    (v ->> 'gps_ignored')::boolean,
    v ->> 'name',
    v ->> 'phone',
    v ->> 'helper_name',
    v ->> 'helper_phone',
    v ->> 'address',
    v ->> 'description',
    (v ->> 'gps_lat')::numeric,
    (v ->> 'gps_lon')::numeric
  )
  on conflict (idempotency_key) do nothing
  returning id into new_id;

  if new_id is null then
    -- The same key committed in a parallel transaction while this one waited: answer as a replay.
    select h.id, coalesce(h.helper_phone, h.citizen_phone) as contact into existing
    from app.help_requests h where h.idempotency_key = (v ->> 'idempotency_key')::uuid;
    if existing.contact is distinct from contact then
      perform app.raise_code('idempotency_conflict');
    end if;
    return app.help_request_answer(existing.id);
  end if;

  insert into app.request_events (request_id, kind, status_after, actor, detail)
  values (new_id, 'received', 'unassigned', 'citizen',
    jsonb_build_object('on_behalf', (v ->> 'on_behalf')::boolean, 'gps', v ->> 'gps_lat' is not null,
      'gps_ignored', (v ->> 'gps_ignored')::boolean));

  perform app.route_help_request(new_id);

  if not app.rate_limit_take('request_help.per_phone', contact) then
    perform app.raise_code('rate_limited_phone');
  end if;
  if not app.rate_limit_take('request_help.per_address', address) then
    perform app.raise_code('rate_limited_address');
  end if;

  return app.help_request_answer(new_id);
end
$$;
comment on function public.request_help(jsonb) is 'Books in-person help (anon, POST only). Input: a JSON object as described by src/lib/schemas/help-request.ts. Returns {reference_code, status, team {name, phone} | null, next_step, verification_word, gps_ignored, created_at}; the same idempotency_key returns the same request. Errors: stable codes (src/lib/booking/errors.ts).';
grant execute on function public.request_help(jsonb) to anon, authenticated;

/* Security definer: reads app.help_requests for anon. Every call counts against the caller's
   address; wrong code or phone get one generic answer ({"found": false}) so nothing can be
   enumerated, and it is returned (not raised) so that the counted failure is kept. */
create function public.request_status(code text default null, phone text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  request_id bigint;
begin
  perform app.require_post();
  if not app.rate_limit_take('lookup.per_address', app.client_address()) then
    perform app.raise_code('rate_limited');
  end if;
  request_id := app.find_request(code, phone);
  if request_id is null then
    return jsonb_build_object('found', false);
  end if;
  return app.help_request_status(request_id);
end
$$;
comment on function public.request_status(text, text) is 'Status of a help request by reference code and phone (anon, POST only, rate-limited). Returns {found: false} when either is wrong, else {found: true, reference_code, status, team, verification_word, received_at, assigned_at, accepted_at, closed_at, cancelled_at, outcome, can_cancel}. No personal data.';
grant execute on function public.request_status(text, text) to anon, authenticated;

/* Security definer: lets the citizen cancel their own request (code + phone), with a reason from a
   closed list, and optionally erase their personal data at once (withdrawing consent; otherwise the
   retention job erases it 90 days after closing). Cancelling twice answers like the first time; a
   closed request cannot be cancelled, but its personal data can still be erased. */
create function public.cancel_request(
  code text default null,
  phone text default null,
  reason text default null,
  erase_personal_data boolean default false
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  request_id bigint;
  existing record;
  erase boolean := coalesce(erase_personal_data, false);
begin
  perform app.require_post();
  if reason is null or reason not in ('solved_myself', 'no_longer_needed', 'booked_by_mistake', 'other') then
    perform app.raise_code('reason_invalid');
  end if;
  if not app.rate_limit_take('lookup.per_address', app.client_address()) then
    perform app.raise_code('rate_limited');
  end if;
  request_id := app.find_request(code, phone);
  if request_id is null then
    return jsonb_build_object('found', false);
  end if;

  select h.status, h.team_id into existing from app.help_requests h where h.id = request_id for update;
  if existing.status = 'closed' and not erase then
    perform app.raise_code('not_cancellable');
  end if;

  if existing.status not in ('closed', 'cancelled') then
    update app.help_requests h set
      status = 'cancelled',
      cancelled_at = now(),
      cancel_reason = cancel_request.reason,
      updated_at = now()
    where h.id = request_id;
    insert into app.request_events (request_id, kind, status_after, team_id, reason, actor)
    values (request_id, 'cancelled', 'cancelled', existing.team_id, cancel_request.reason, 'citizen');
  end if;

  if erase then
    -- The answer is built before erasing: afterwards no phone matches, so no later look-up finds it.
    declare
      answer jsonb := app.help_request_status(request_id) || jsonb_build_object('personal_data_erased', true);
    begin
      update app.help_requests h set
        citizen_name = null, citizen_phone = null, helper_name = null, helper_phone = null,
        address = null, description = null, gps_lat = null, gps_lon = null,
        personal_data_erased_at = now(), updated_at = now()
      where h.id = request_id;
      return answer;
    end;
  end if;
  return app.help_request_status(request_id);
end
$$;
comment on function public.cancel_request(text, text, text, boolean) is 'Cancels a help request by reference code and phone with a reason (solved_myself, no_longer_needed, booked_by_mistake, other), optionally erasing its personal data at once; anon, POST only, rate-limited. Returns the status answer (with personal_data_erased), or {found: false}. Errors: reason_invalid, not_cancellable, rate_limited, post_required.';
grant execute on function public.cancel_request(text, text, text, boolean) to anon, authenticated;
