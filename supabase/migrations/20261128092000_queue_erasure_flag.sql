-- The queue shows which requests the citizen asked to have erased.
--
-- 20261128090000 put erase_requested on the request's detail; a volunteer scanning the queue should
-- see it before opening the request too, to finish those first. The summary (no personal data)
-- gains the same flag: the citizen asked for erasure and it has not happened yet (it happens when the
-- request is closed or cancelled). The detail is built on the summary, so it keeps the same value.
--
-- Objects: app.team_request_summary() (replaced: same arguments, one more key).

/* A request in the queue: no personal data. */
create or replace function app.team_request_summary(h app.help_requests, me app.members)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', h.id,
    'reference_code', h.reference_code,
    'status', h.status,
    'created_at', h.created_at,
    'assigned_at', h.assigned_at,
    'accept_by', case when h.status = 'assigned' then h.assigned_at + app.accept_within() end,
    'accepted_at', h.accepted_at,
    'closed_at', h.closed_at,
    'cancelled_at', h.cancelled_at,
    'outcome', h.outcome,
    'commune', jsonb_build_object('code', c.code, 'name', c.name),
    'team', case when t.id is null then null else jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) end,
    'needs', to_jsonb(h.needs),
    'guide_code', h.guide_code,
    'guide_step', h.guide_step,
    'time_window', h.time_window,
    'on_behalf', h.on_behalf,
    'contact_attempts', h.contact_attempts,
    'moves', (select count(*) from app.request_events e where e.request_id = h.id and e.kind = 'escalated'),
    'notes_count', (select count(*) from app.request_notes n where n.request_id = h.id),
    'erase_requested', h.erase_requested_at is not null and h.personal_data_erased_at is null,
    'accepted_by', case when a.id is null then null
                        else jsonb_build_object('name', coalesce(a.name, a.email), 'me', a.id = me.id) end
  )
  from app.communes c
  left join app.teams t on t.id = h.team_id
  left join app.members a on a.id = h.accepted_by
  where c.code = h.commune_code
$$;
comment on function app.team_request_summary(app.help_requests, app.members) is 'A request as the queue shows it: commune, needs, guide step, times, deadline, who accepted, whether the citizen asked for erasure. No personal data.';
