-- Booking RPCs: the helper functions on their path keep their query plans, and routing finds the
-- teams whose radius reaches the point through an index of their reach.
--
-- Measured (tests/bench/request-help.ts, PostgreSQL 15, 2 cores; profile of one backend with perf
-- and track_functions): about 44% of the database CPU of request_help went to running
-- LANGUAGE sql helpers. A SQL function with a SET clause (every function here pins search_path)
-- is never inlined, and PostgreSQL (before 18) parses, analyses and plans its body again in every
-- query that calls it, so every request re-planned app.setting() eleven times, app.hash_subject()
-- four times, app.routing_candidates(), app.help_request_answer() and the text cleaners. PL/pgSQL
-- functions keep their plans for the session (PostgREST's pooled connections), and a body that is a
-- single expression runs on PL/pgSQL's fast path. So each of them becomes the same body in PL/pgSQL:
-- same arguments, results, volatility, parallel safety and pinned search_path.
--
-- Routing: the radius half of app.routing_candidates() walked the position index in a 100 km box
-- (the largest radius allowed), so with Quảng Ninh's 1,500 teams it computed a distance for every
-- team on every request. A team's reach is the box of its service radius around its base; a GiST
-- index on that box (teams_reach_idx) returns only the teams whose box holds the point, and the
-- exact distance check then keeps those whose radius reaches it (the box holds the whole ball, with
-- one metre to spare for rounding). The covering half looks the covering teams up by primary key.
-- The result is the same set, in the same order (distance, then team id).
--
-- Objects: app.setting(), app.hash_subject(), app.clean_line(), app.clean_text(),
--          app.is_valid_name(), app.new_verification_word(), app.help_request_answer(),
--          app.help_request_status(), app.routing_candidates() (all replaced, same signatures);
--          index app.teams_reach_idx.

create or replace function app.setting(setting_key text)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  return (select s.value from app.settings s where s.key = setting_key);
end
$$;

create or replace function app.hash_subject(scope text, subject text)
returns text
language plpgsql stable
set search_path = ''
as $$
begin
  return encode(sha256(convert_to(
    coalesce(app.setting('privacy.hash_salt') #>> '{}', '') || '|' || scope || '|' || subject, 'UTF8')), 'hex');
end
$$;

create or replace function app.clean_line(raw text)
returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  return regexp_replace(regexp_replace(replace(raw, chr(160), ' '), ' {2,}', ' ', 'g'), '^ | $', '', 'g');
end
$$;

create or replace function app.clean_text(raw text)
returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  return regexp_replace(
    replace(replace(replace(raw, chr(13) || chr(10), chr(10)), chr(13), chr(10)), chr(160), ' '),
    '^[ \n]+|[ \n]+$', '', 'g');
end
$$;

create or replace function app.is_valid_name(cleaned text)
returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  return cleaned is not null
    and char_length(cleaned) between 2 and 80
    and cleaned !~ '[\u0001-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff<>"\\{}\[\]|^~=*$#@%;]'
    and cleaned !~ '^[0-9 .,''()/&+!?:-]*$';
end
$$;

create or replace function app.new_verification_word()
returns text
language plpgsql volatile
set search_path = ''
as $$
begin
  return (array[
    'hoa sen', 'hoa mai', 'hoa đào', 'hoa cúc', 'hoa hồng', 'cây tre', 'cây bàng', 'cây dừa',
    'cây lúa', 'quả cam', 'quả na', 'quả dứa', 'quả chuối', 'con cá', 'con mèo', 'con gà',
    'con trâu', 'con ngựa', 'chim sẻ', 'cánh diều', 'con thuyền', 'mặt trời', 'mặt trăng', 'ngôi sao',
    'đám mây', 'cầu vồng', 'biển xanh', 'núi cao', 'dòng sông', 'hòn đảo', 'cát vàng', 'sóng biển',
    'mùa xuân', 'mùa thu', 'buổi sáng', 'ánh nắng', 'gió mát', 'mưa rào', 'bánh chưng', 'bánh mì',
    'trà xanh', 'cà phê', 'nón lá', 'áo dài', 'trống đồng', 'đèn lồng', 'cái bút', 'quyển vở'
  ])[1 + (('x' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::bigint % 48)::int];
end
$$;

create or replace function app.help_request_answer(request_id bigint)
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

create or replace function app.help_request_status(request_id bigint)
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

/* The box each active team's service radius covers (one metre wider, against rounding). */
create index teams_reach_idx on app.teams
  using gist (extensions.cube_enlarge(position, service_radius_m + 1, 3)) where active;

create or replace function app.routing_candidates(
  commune_code text,
  point extensions.cube,
  exclude_team_ids bigint[] default '{}',
  max_candidates integer default 20
)
returns table (team_id bigint, distance_m double precision, covers_commune boolean)
language plpgsql stable
set search_path = ''
as $$
begin
  return query
  select c.id, min(c.distance), bool_or(c.covers)
  from (
    select t.id,
           extensions.cube_distance(t.position, routing_candidates.point) as distance,
           true as covers
    from app.teams t
    where t.id = any (array(
        select tc.team_id from app.team_communes tc where tc.commune_code = routing_candidates.commune_code))
      and t.active
      and t.id <> all (routing_candidates.exclude_team_ids)
    union all
    select r.id, r.distance, false
    from (
      select t.id, extensions.cube_distance(t.position, routing_candidates.point) as distance
      from app.teams t
      where t.active
        and extensions.cube_enlarge(t.position, t.service_radius_m + 1, 3) operator(extensions.@>) routing_candidates.point
        and extensions.cube_distance(t.position, routing_candidates.point) <= t.service_radius_m
        and t.id <> all (routing_candidates.exclude_team_ids)
      order by 2, 1
      limit routing_candidates.max_candidates
    ) r
  ) c
  group by c.id
  order by 2, 1
  limit routing_candidates.max_candidates;
end
$$;
comment on function app.routing_candidates(text, extensions.cube, bigint[], integer) is 'Active teams covering the commune or whose service radius reaches the point, nearest first (GiST index of each team''s reach, teams_reach_idx). Recomputable for escalation: pass the teams already tried.';
