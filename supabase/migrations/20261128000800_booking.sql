-- Booking: the three functions the browser calls (anon), POST only.
--
--   request_help(request jsonb)                 book in-person help; idempotent by the client's key
--   request_status(code text, phone text)       status of a request; generic answer when not found
--   cancel_request(code text, phone text, reason text, erase_personal_data boolean)
--
-- They are security definer because anon has no privilege on schema app (the tables hold personal
-- data); each checks its input itself and returns no personal data. They are volatile (they write
-- rate-limit buckets), so PostgREST runs GET requests on them read-only and they fail; on top of
-- that each refuses any method but POST before reading its arguments (app.require_post()), so
-- arguments (phone numbers) are never processed from a URL. Rejections are stable codes, which the
-- site maps to Vietnamese messages (its booking error module lists them).
--
-- Objects: app.find_request(), app.help_request_answer(), app.help_request_status(),
--          public.request_help(), public.request_status(), public.cancel_request().

/* Finds a request by reference code and phone (the citizen's or, when booked on their behalf, the
   helper's). Failed look-ups of a well-formed code count per (code, client address), limit
   lookup.per_code_address (5 an hour): one address cannot pair a known code with guessed phone
   numbers. They also count per code alone against a higher ceiling, lookup.per_code (50 an hour),
   for guessing spread over many addresses; once either is used up, even the right phone waits.
   Counting per code alone with a low limit (10) let anyone lock the owner out of their request
   for an hour with ten wrong phones. */
create function app.find_request(code text, phone text)
returns bigint
language plpgsql volatile
set search_path = ''
as $$
declare
  clean_code text := app.normalize_reference_code(code);
  clean_phone text := app.normalize_phone(phone);
  code_at_address text := clean_code || '|' || app.client_address();
  request_id bigint;
begin
  if clean_code is not null and (app.rate_limit_reached('lookup.per_code_address', code_at_address)
                                 or app.rate_limit_reached('lookup.per_code', clean_code)) then
    perform app.raise_code('rate_limited');
  end if;
  select h.id into request_id
  from app.help_requests h
  where h.reference_code = clean_code
    and clean_phone is not null
    and (h.citizen_phone = clean_phone or h.helper_phone = clean_phone);
  if request_id is null and clean_code is not null then
    perform app.rate_limit_take('lookup.per_code_address', code_at_address);
    perform app.rate_limit_take('lookup.per_code', clean_code);
  end if;
  return request_id;
end
$$;
comment on function app.find_request(text, text) is 'Request id for a reference code and phone, or null; counts failed look-ups per code and client address, and per code (higher ceiling).';

/* What the citizen is told after booking (and again on a repeated submission): no personal data.
   PL/pgSQL rather than LANGUAGE sql so that its plan is cached per session (see app.setting(),
   settings migration). */
create function app.help_request_answer(request_id bigint)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'reference_code', h.reference_code,
      'status', h.status,
      'team', case when t.id is null then null
                   else jsonb_build_object('name', t.name, 'phone', t.public_phone) end,
      'next_step', case h.status
        when 'assigned' then 'team_will_call'
        when 'accepted' then 'team_accepted'
        when 'closed' then 'closed'
        when 'cancelled' then 'cancelled'
        else case h.route_reason when 'all_teams_full' then 'province_pool_teams_full' else 'province_pool_no_team' end
      end,
      'verification_word', h.verification_word,
      'gps_ignored', h.gps_ignored,
      'created_at', h.created_at
    )
    from app.help_requests h
    left join app.teams t on t.id = h.team_id
    where h.id = help_request_answer.request_id
  );
end
$$;
comment on function app.help_request_answer(bigint) is 'Answer of request_help: reference code, status, team name and public phone, next-step key, verification word, GPS note. No personal data. PL/pgSQL so that its plan is cached (see app.setting).';

/* What a status look-up shows: status, team, the time of each step, and `steps`: the request's
   history from the audit trail, one entry per step the citizen can understand, oldest first:
     received · sent_to_team (team name) · province_pool · accepted (team) · released (team) ·
     closed (outcome) · cancelled (reason)
   Internal events (notes, unanswered calls, erasure) are left out; escalation moves show as
   sent_to_team or province_pool. Team names are public; nothing personal is returned.
   PL/pgSQL rather than LANGUAGE sql so that its plan is cached per session (see app.setting(),
   settings migration). */
create function app.help_request_status(request_id bigint)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'found', true,
      'reference_code', h.reference_code,
      'status', h.status,
      'team', case when t.id is null then null
                   else jsonb_build_object('name', t.name, 'phone', t.public_phone) end,
      'verification_word', h.verification_word,
      'received_at', h.created_at,
      'assigned_at', h.assigned_at,
      'accepted_at', h.accepted_at,
      'closed_at', h.closed_at,
      'cancelled_at', h.cancelled_at,
      'outcome', h.outcome,
      'can_cancel', h.status in ('unassigned', 'assigned', 'accepted'),
      'personal_data_erased', h.personal_data_erased_at is not null,
      'steps', coalesce((
        select jsonb_agg(jsonb_build_object('step', s.step, 'at', s.created_at, 'team', s.team_name, 'reason', s.reason)
                         order by s.created_at, s.id)
        from (
          select e.id, e.created_at,
                 case
                   when e.kind = 'received' then 'received'
                   when e.kind in ('assigned', 'handed_over') then 'sent_to_team'
                   when e.kind = 'escalated' and e.status_after = 'assigned' then 'sent_to_team'
                   when e.kind in ('unassigned', 'escalated') then 'province_pool'
                   else e.kind
                 end as step,
                 case when e.kind in ('assigned', 'handed_over', 'escalated', 'accepted', 'released') then et.name end as team_name,
                 case when e.kind in ('closed', 'cancelled') then e.reason end as reason
          from app.request_events e
          left join app.teams et on et.id = e.team_id
          where e.request_id = h.id
            and e.kind in ('received', 'assigned', 'handed_over', 'escalated', 'unassigned', 'accepted', 'released', 'closed', 'cancelled')
        ) s
      ), '[]'::jsonb)
    )
    from app.help_requests h
    left join app.teams t on t.id = h.team_id
    where h.id = help_request_status.request_id
  );
end
$$;
comment on function app.help_request_status(bigint) is 'Answer of request_status and cancel_request: status, team name and public phone, step times, and steps [{step: received | sent_to_team | province_pool | accepted | released | closed | cancelled, at, team, reason}]. No personal data. PL/pgSQL so that its plan is cached (see app.setting).';

/* Security definer: anon may not touch app tables. Validates everything (app.validate_help_request),
   de-duplicates by the idempotency key, counts the rate limits (per contact phone, per client
   address), takes the routing decision (app.choose_route(), which locks the chosen team until
   commit), stores the request once with its consent and its route, and writes the received and
   routing events. Returns app.help_request_answer(): no personal data.

   The limits are counted before any other work: a refused call is rolled back (nothing stored,
   nothing counted) before it routes or locks a team. Counting them last, after a look-up of each
   bucket up front for that cheap refusal, cost two more statements planned on every call (the
   look-ups are planned per call, see app.rate_limit_reached()): ~14 % of a booking's database CPU
   (tests/bench/request-help-sql.ts, issue 17). The bucket rows now stay locked for the whole
   booking, which only orders bookings of one phone or one address (at most 5 a day and 30 an hour
   by the shipped limits); lock order is always phone bucket, address bucket, team, so no deadlock.
   Routing comes before the insert so that the new row is written once, already assigned, rather
   than inserted unassigned and updated (see app.choose_route()). Commits synchronously: a request
   once answered must survive a crash of the database server. */
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
  refusal text;
  booking_hash bytea;
  new_id bigint;
  code text;
  r record;
  draws integer := 0;
begin
  perform app.require_post();
  v := app.validate_help_request(request);
  contact := coalesce(v ->> 'helper_phone', v ->> 'phone');
  -- The validated (normalised) booking without its key: a retry of the same booking hashes the
  -- same; the same key with another commune, needs or name once returned the first request and
  -- dropped the new one silently.
  booking_hash := sha256(convert_to((v - 'idempotency_key')::text, 'UTF8'));

  -- A repeated submission (double tap, reload, retry after a lost answer) gets the first answer.
  select h.id, h.payload_hash into existing
  from app.help_requests h where h.idempotency_key = (v ->> 'idempotency_key')::uuid;
  if found then
    if existing.payload_hash is distinct from booking_hash then
      perform app.raise_code('idempotency_conflict');
    end if;
    return app.help_request_answer(existing.id);
  end if;

  -- Counted first: a refusal raises, and rolls back, before routing or storing anything.
  address := app.client_address();
  if not app.rate_limit_take('request_help.per_phone', contact) then
    refusal := 'rate_limited_phone';
  elsif not app.rate_limit_take('request_help.per_address', address) then
    refusal := 'rate_limited_address';
  end if;
  if refusal is not null then
    -- Not over the limit after all when this is a repeat: a double tap's first call, counted just
    -- before this one, committed the same booking while this one waited for the bucket. It gets
    -- the first answer, and gives back what it counted.
    select h.id, h.payload_hash into existing
    from app.help_requests h where h.idempotency_key = (v ->> 'idempotency_key')::uuid;
    if found and existing.payload_hash = booking_hash then
      perform app.rate_limit_give_back('request_help.per_phone', contact);
      if refusal = 'rate_limited_address' then
        perform app.rate_limit_give_back('request_help.per_address', address);
      end if;
      return app.help_request_answer(existing.id);
    end if;
    perform app.raise_code(refusal);
  end if;

  -- Routing locks the chosen team until commit (see app.choose_route).
  r := app.choose_route(v ->> 'commune_code', (v ->> 'gps_lat')::numeric, (v ->> 'gps_lon')::numeric);

  -- Stored once, already routed. ON CONFLICT without a target skips the row on either unique key:
  -- the idempotency key (the same booking committed by a parallel call while this one waited) or
  -- the reference code (a clash of 44-bit codes, astronomically rare: another code is drawn). A
  -- look-up of the code before each insert cost a statement on every booking for that rare case.
  loop
    code := app.new_reference_code();
    insert into app.help_requests (
      reference_code, idempotency_key, commune_code, needs, guide_code, guide_step, time_window,
      source_poster, on_behalf, verification_word, consent_version, consented_at, message_channel,
      message_consent_version, status, gps_ignored,
      team_id, route_point, route_distance_m, route_reason, assigned_at,
      citizen_name, citizen_phone, helper_name, helper_phone, address, description, gps_lat, gps_lon,
      payload_hash
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
      v ->> 'message_channel',
      case when v ->> 'message_channel' is not null then v ->> 'consent_version' end,
      case when r.team_id is null then 'unassigned' else 'assigned' end,
      (v ->> 'gps_ignored')::boolean,
      r.team_id,
      r.route_point,
      r.distance_m,
      r.route_reason,
      case when r.team_id is not null then now() end,
      v ->> 'name',
      v ->> 'phone',
      v ->> 'helper_name',
      v ->> 'helper_phone',
      v ->> 'address',
      v ->> 'description',
      (v ->> 'gps_lat')::numeric,
      (v ->> 'gps_lon')::numeric,
      booking_hash
    )
    on conflict do nothing
    returning id into new_id;
    exit when new_id is not null;

    -- Nothing stored: the same key committed in a parallel transaction while this one waited
    -- (answer as a replay, and give back the hits counted above: a repeat is not a new request),
    -- else the code was taken (draw another).
    select h.id, h.payload_hash into existing
    from app.help_requests h where h.idempotency_key = (v ->> 'idempotency_key')::uuid;
    if found then
      if existing.payload_hash is distinct from booking_hash then
        perform app.raise_code('idempotency_conflict');
      end if;
      perform app.rate_limit_give_back('request_help.per_phone', contact);
      perform app.rate_limit_give_back('request_help.per_address', address);
      return app.help_request_answer(existing.id);
    end if;
    -- Five taken codes in a row cannot be chance (a clash is ~1 in 10^13): some other unique key
    -- refuses the row, so fail loudly rather than loop while holding the team's lock.
    draws := draws + 1;
    if draws >= 5 then
      raise exception 'request_help: the request could not be stored (no free reference code in 5 draws)';
    end if;
  end loop;

  -- The received event, then the routing decision recorded as route_help_request records it; one
  -- statement for both rows (in this order, so the received event has the lower id).
  insert into app.request_events (request_id, kind, status_after, team_id, distance_m, reason, actor, detail)
  values
    (new_id, 'received', 'unassigned', null, null, null, 'citizen',
      jsonb_build_object('on_behalf', (v ->> 'on_behalf')::boolean, 'gps', v ->> 'gps_lat' is not null,
        'gps_ignored', (v ->> 'gps_ignored')::boolean)),
    (new_id, case when r.team_id is null then 'unassigned' else 'assigned' end,
      case when r.team_id is null then 'unassigned' else 'assigned' end,
      r.team_id, r.distance_m, r.route_reason, 'system',
      jsonb_build_object('point', r.route_point, 'candidates', r.candidates, 'full', r.full_count));

  return app.help_request_answer(new_id);
end
$$;
comment on function public.request_help(jsonb) is 'Books in-person help (anon, POST only). Input: a JSON object as described by src/lib/schemas/help-request.ts. Returns {reference_code, status, team {name, phone} | null, next_step, verification_word, gps_ignored, created_at}; the same idempotency_key with the same booking returns the same request, with another booking idempotency_conflict. Errors: stable codes (src/lib/booking/errors.ts).';
grant execute on function public.request_help(jsonb) to anon, authenticated;

/* Security definer: reads app.help_requests for anon. Every call counts against the caller's
   address; wrong code or phone get one generic answer ({"found": false}) so nothing can be
   enumerated, and it is returned (not raised) so that the counted failure is kept.

   Its transaction commits without waiting for the WAL flush. A status look-up reads the request and
   writes only rate-limit counters (lookup.per_address on every call, lookup.per_code after a wrong
   phone). With synchronous commit each look-up waited for its own WAL flush (fsync), the largest
   part of its time in the database once the helper functions kept their plans
   (tests/bench/request-help.ts). An asynchronous commit is still atomic and consistent; what a crash
   of the database server can lose is the last few hundred milliseconds of committed transactions
   (at most three wal_writer_delay periods). For these counters that means a client might get a
   handful more look-ups than its limit right after a server crash, which nobody can cause from
   outside and which protects nothing that matters; the look-up itself changes no data.
   Bookings stay durable: request_help and cancel_request commit synchronously (a request once sent,
   or a cancellation once confirmed, must survive a crash). set_config(..., true) lasts until the
   end of the current transaction (PostgREST runs each call in its own), and a setting changed
   inside a function applies to the whole transaction unless the function's own SET clause names it
   (this one's names only search_path). tests/db/booking-commit-and-plans.test.ts holds both. */
create function public.request_status(code text default null, phone text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  request_id bigint;
begin
  perform app.require_post();
  -- Only rate-limit counters are written below: no need to wait for the WAL flush (see above).
  perform set_config('synchronous_commit', 'off', true);
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
comment on function public.request_status(text, text) is 'Status of a help request by reference code and phone (anon, POST only, rate-limited). Returns {found: false} when either is wrong, else {found: true, reference_code, status, team, verification_word, received_at, assigned_at, accepted_at, closed_at, cancelled_at, outcome, can_cancel}. No personal data. Commits asynchronously (synchronous_commit off): it writes only rate-limit counters.';
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
