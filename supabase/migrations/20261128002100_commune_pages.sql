-- Commune pages (/xa/<slug>/): what a citizen of a commune sees of the teams serving it, read at
-- view time by a small script on the static page and by the booking form after a commune is chosen.
--
-- Only what teams chose to publish leaves the database: a team appears when its leader ticked
-- "show our team on the commune page" (app.teams.public_listing), and then only its code, name,
-- public phone (a team number, never a member's) and its current help sessions. Nothing about
-- members or requests. Teams serving a commune: its own teams and those covering it
-- (app.team_communes), active ones only.
--
-- Objects: public.commune_public_info(), public.save_team_public_info().

/* Anyone (anon): the published teams and the current help sessions of one commune (by slug or
   code). Sessions are series with their cancelled days from today on; the page expands the
   occurrences (src/lib/domain/recurrence.ts). Read-only, so a GET is fine. */
create function public.commune_public_info(commune text default null)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  c app.communes;
  today date := app.vietnam_today();
begin
  select * into c from app.communes x where x.slug = commune_public_info.commune or x.code = commune_public_info.commune;
  if c.code is null then
    perform app.raise_code('commune_unknown');
  end if;
  return jsonb_build_object(
    'commune', jsonb_build_object('code', c.code, 'name', c.name, 'slug', c.slug),
    'teams', coalesce((
      select jsonb_agg(jsonb_build_object('code', t.code, 'name', t.name, 'phone', t.public_phone)
        order by t.commune_code <> c.code, t.name)
      from app.teams t
      where t.active and t.public_listing
        and (t.commune_code = c.code
          or exists (select 1 from app.team_communes tc where tc.team_id = t.id and tc.commune_code = c.code))
    ), '[]'::jsonb),
    'sessions', coalesce((
      select jsonb_agg(app.help_session_json(s, today) || jsonb_build_object('team_code', t.code, 'team_name', t.name)
        order by s.first_day, s.starts_at, s.id)
      from (
        select x.* from app.help_sessions x
        where x.commune_code = c.code and x.cancelled_at is null and coalesce(x.until_day, x.first_day) >= today
        order by x.first_day, x.id
        limit 50
      ) s
      join app.teams t on t.id = s.team_id
      where t.active and t.public_listing
    ), '[]'::jsonb)
  );
end
$$;
comment on function public.commune_public_info(text) is 'Anyone: what teams publish for one commune (slug or code): {commune {code, name, slug}, teams [{code, name, phone}], sessions [{id, commune, place_name, address, first_day, until_day, weekdays, starts_at, ends_at, topics, note, cancelled_days, team_code, team_name}]}. Active, publicly listed teams only; no personal data. Errors: commune_unknown.';
grant execute on function public.commune_public_info(text) to anon, authenticated;

/* Security definer: a leader (own team) or admin (named team) sets the team's public phone and
   whether the team is shown on the commune pages. Audited and rate limited. */
create function public.save_team_public_info(
  public_phone text default null,
  public_listing boolean default null,
  team_id bigint default null
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  team bigint;
  phone text := nullif(btrim(coalesce(save_team_public_info.public_phone, '')), '');
  normalized text;
begin
  perform app.require_post();
  me := app.require_member();
  team := app.session_team(me, save_team_public_info.team_id, true);
  if save_team_public_info.public_listing is null then
    perform app.raise_code('payload_invalid');
  end if;
  if phone is not null then
    normalized := app.normalize_phone(phone);
    if normalized is null or normalized !~ '^0[0-9]{9}$' then
      perform app.raise_code('phone_invalid');
    end if;
  end if;
  if save_team_public_info.public_listing and normalized is null then
    perform app.raise_code('phone_required');
  end if;
  perform app.take_help_session_limit(me);
  update app.teams t
  set public_phone = normalized, public_listing = save_team_public_info.public_listing, updated_at = now()
  where t.id = team;
  insert into app.team_public_events (team_id, kind, detail, actor_member_id)
  values (team, 'public_info_changed',
    jsonb_build_object('public_phone', normalized, 'public_listing', save_team_public_info.public_listing), me.id);
  return jsonb_build_object('public_phone', normalized, 'public_listing', save_team_public_info.public_listing);
end
$$;
comment on function public.save_team_public_info(text, boolean, bigint) is 'Leaders (own team) and admins (team_id): sets the team''s public phone (a mobile number, 0XXXXXXXXX; empty for none) and whether it is listed on the commune pages (needs a phone). Returns {public_phone, public_listing}. Errors: not_member, forbidden, team_invalid, payload_invalid, phone_invalid, phone_required, rate_limited. POST only.';
grant execute on function public.save_team_public_info(text, boolean, bigint) to authenticated;
