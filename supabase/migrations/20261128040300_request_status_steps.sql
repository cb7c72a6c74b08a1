-- Citizen status: every step in plain words.
--
-- request_status and cancel_request (20261128010200) answer with app.help_request_status(). This
-- replaces that function with the same answer plus `steps`: the request's history from the audit
-- trail, one entry per step the citizen can understand, oldest first:
--   received · sent_to_team (team name) · province_pool · accepted (team) · released (team) ·
--   closed (outcome) · cancelled (reason)
-- Internal events (notes, unanswered calls) are left out. Escalation moves show as sent_to_team or
-- province_pool. Team names are public; nothing personal is added.
--
-- Objects: app.help_request_status() (replaced).

create or replace function app.help_request_status(request_id bigint)
returns jsonb
language sql stable
set search_path = ''
as $$
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
$$;
comment on function app.help_request_status(bigint) is 'Answer of request_status and cancel_request: status, team name and public phone, step times, and steps [{step: received | sent_to_team | province_pool | accepted | released | closed | cancelled, at, team, reason}]. No personal data.';
