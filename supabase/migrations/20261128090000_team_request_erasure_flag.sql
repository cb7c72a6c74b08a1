-- Team workspace: tell the team when the citizen has asked for their personal data to be erased.
--
-- public.request_data_erasure (20261128050000) cannot erase a request a team has accepted: it sets
-- app.help_requests.erase_requested_at, and a trigger erases the personal data the moment the request
-- is closed or cancelled. Until now the workspace did not show that flag, so the volunteer did not
-- know to finish the request (and not to keep the citizen's details anywhere else). One request as
-- the workspace reads it (public.team_request and every action RPC, through app.team_request_detail)
-- now also says:
--
--   erase_requested       the citizen asked for erasure; it happens when the request is closed
--   personal_data_erased  the request's personal data has been erased (citizen or retention)
--
-- Neither is personal data. Only members who may see the request get them: team_request_detail
-- still raises not_found for anyone else (app.can_view_request). The body is that of
-- 20261128040100 with the two keys added; same language, volatility, search_path and (no) grants.
-- The queue (team_queue, app.team_request_summary) is unchanged.
--
-- Objects: app.team_request_detail(bigint, app.members).

create or replace function app.team_request_detail(request_id bigint, me app.members)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  h app.help_requests;
  contact boolean;
begin
  select x.* into h from app.help_requests x where x.id = team_request_detail.request_id;
  if h.id is null or not app.can_view_request(h, me) then
    perform app.raise_code('not_found');
  end if;
  contact := app.can_see_contact(h, me);
  return app.team_request_summary(h, me) || jsonb_build_object(
    'erase_requested', h.erase_requested_at is not null and h.personal_data_erased_at is null,
    'personal_data_erased', h.personal_data_erased_at is not null,
    'contact', case when contact then jsonb_build_object(
      'name', h.citizen_name,
      'phone', h.citizen_phone,
      'helper_name', h.helper_name,
      'helper_phone', h.helper_phone,
      'address', h.address,
      'description', h.description,
      'gps', case when h.gps_lat is null then null else jsonb_build_object('lat', h.gps_lat, 'lon', h.gps_lon) end,
      'verification_word', h.verification_word
    ) end,
    'notes', case when contact then coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', n.id, 'at', n.created_at, 'kind', n.kind, 'body', n.body,
        'author', coalesce(m.name, m.email), 'mine', m.id = me.id
      ) order by n.created_at, n.id)
      from app.request_notes n join app.members m on m.id = n.member_id
      where n.request_id = h.id
    ), '[]'::jsonb) else '[]'::jsonb end,
    'events', coalesce((
      select jsonb_agg(jsonb_build_object(
        'at', e.created_at, 'kind', e.kind, 'status_after', e.status_after, 'team_name', t.name,
        'reason', e.reason, 'actor', e.actor, 'by', coalesce(m.name, m.email)
      ) order by e.created_at, e.id)
      from app.request_events e
      left join app.teams t on t.id = e.team_id
      left join app.members m on m.id = e.actor_member_id
      where e.request_id = h.id
    ), '[]'::jsonb),
    'actions', to_jsonb(app.request_actions(h, me))
  );
end
$$;
comment on function app.team_request_detail(bigint, app.members) is 'A request with what the member may see: summary, erase_requested (the citizen asked for erasure, done when it is closed), personal_data_erased, contact details and notes (if app.can_see_contact), event history, allowed actions. Raises not_found.';
comment on function public.team_request(bigint) is 'One request for the workspace: summary, whether the citizen asked for erasure (erase_requested) or it is done (personal_data_erased), contact details and notes (only for who must call), history, allowed actions. Errors: not_member, not_found. POST only.';
