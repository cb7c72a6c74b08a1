-- Request validation: the booking payload's rules, in SQL so that every client path gets the same
-- ones, and the codes a booking is given.
--
-- Validation mirrors the shared zod schema (src/lib/schemas/help-request.ts) field by field and
-- raises one stable error code per rejection (app.raise_code()), which the form maps to a Vietnamese
-- message. Phone normalisation mirrors the site's normalizePhone(); tests run one table of cases
-- through both. None of these functions is callable by the API roles; the booking RPCs use them,
-- and the team workspace and admin migrations reuse the cleaners.
--
-- The helpers that run on every booking (clean_line, clean_text, is_valid_name,
-- new_verification_word) are PL/pgSQL, not LANGUAGE sql, so that their plans are cached per
-- session: see app.setting() for the measurement.
--
-- Objects: app.clean_line(), app.clean_text(), app.normalize_phone(), app.normalize_reference_code(),
--          app.is_valid_name(), app.json_string(), app.validate_help_request(),
--          app.new_reference_code(), app.new_verification_word().

/* One line of text as typed: no-break spaces become spaces, runs of spaces one, ends trimmed.
   Mirrors cleanLine() in src/lib/schemas/help-request.ts.
   PL/pgSQL rather than LANGUAGE sql: it runs on every booking, and PL/pgSQL keeps its plan for
   the session (see app.setting(), settings migration: SQL helpers were ~44 % of request_help's
   database CPU). */
create function app.clean_line(raw text)
returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  return regexp_replace(regexp_replace(replace(raw, chr(160), ' '), ' {2,}', ' ', 'g'), '^ | $', '', 'g');
end
$$;
comment on function app.clean_line(text) is 'Normalises one line of user text: no-break space to space, collapsed spaces, trimmed ends. PL/pgSQL so that its plan is cached (see app.setting).';

/* Free text of several lines: CR LF and CR become LF, no-break spaces spaces, ends trimmed of
   spaces and newlines. Mirrors cleanText().
   PL/pgSQL rather than LANGUAGE sql: it runs on every booking, and PL/pgSQL keeps its plan for
   the session (see app.setting(), settings migration: SQL helpers were ~44 % of request_help's
   database CPU). */
create function app.clean_text(raw text)
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
comment on function app.clean_text(text) is 'Normalises multi-line user text: LF line ends, no-break space to space, trimmed ends. PL/pgSQL so that its plan is cached (see app.setting).';

/* Vietnamese phone numbers in any common spelling → 0XXXXXXXXX (mobile, 10 digits) or
   02XXXXXXXXX (landline, 11 digits); null when it is not one. Accepts +84 / 84 / 0084 prefixes,
   spaces, dots, dashes, brackets and a missing leading 0. Mirrors normalizePhone() in
   src/lib/domain/phone.ts (the tests run the same table of cases through both). */
create function app.normalize_phone(raw text)
returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  d text;
begin
  if raw is null or char_length(raw) > 30 then
    return null;
  end if;
  d := regexp_replace(raw, '[ .()/' || chr(160) || '-]', '', 'g');
  if d !~ '^\+?[0-9]+$' then
    return null;
  end if;
  if d like '+84%' then
    d := '0' || substr(d, 4);
  elsif d like '+%' then
    return null;
  elsif d like '0084%' then
    d := '0' || substr(d, 5);
  elsif d like '84%' and char_length(d) in (11, 12) then
    d := '0' || substr(d, 3);
  end if;
  if d like '00%' then
    d := substr(d, 2);
  end if;
  if d ~ '^[35789][0-9]{8}$' or d ~ '^2[0-9]{9}$' then
    d := '0' || d;
  end if;
  if d ~ '^0[35789][0-9]{8}$' or d ~ '^02[0-9]{9}$' then
    return d;
  end if;
  return null;
end
$$;
comment on function app.normalize_phone(text) is 'Vietnamese mobile or landline number in any common spelling → 0XXXXXXXXX or 02XXXXXXXXX; null when invalid. Mirrors src/lib/domain/phone.ts.';

/* A reference code as typed ("qn 7k4 m9p x2a", "7K4M9PX2A") → "QN-7K4-M9P-X2A", or null.
   Mirrors normalizeReferenceCode() in src/lib/domain/reference-code.ts. */
create function app.normalize_reference_code(raw text)
returns text
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  c text;
begin
  if raw is null or char_length(raw) > 40 then
    return null;
  end if;
  c := upper(regexp_replace(raw, '[^A-Za-z0-9]', '', 'g'));
  if char_length(c) = 11 and c like 'QN%' then
    c := substr(c, 3);
  end if;
  if c !~ '^[2-9A-HJKMNP-TV-Z]{9}$' then
    return null;
  end if;
  return 'QN-' || substr(c, 1, 3) || '-' || substr(c, 4, 3) || '-' || substr(c, 7, 3);
end
$$;
comment on function app.normalize_reference_code(text) is 'Reference code as typed → canonical QN-XXX-XXX-XXX, or null. Mirrors src/lib/domain/reference-code.ts.';

/* A person's name after clean_line(): 2–80 characters, none of the control, invisible-format or
   markup characters, not only digits and punctuation, and at least one letter. Mirrors isValidName().
   PL/pgSQL rather than LANGUAGE sql: it runs on every booking, and PL/pgSQL keeps its plan for
   the session (see app.setting(), settings migration: SQL helpers were ~44 % of request_help's
   database CPU). */
create function app.is_valid_name(cleaned text)
returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  return cleaned is not null
    and char_length(cleaned) between 2 and 80
    and cleaned !~ '[\u0001-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff<>"\\{}\[\]|^~=*$#@%;]'
    and cleaned !~ '^[0-9 .,''()/&+!?:-]*$'
    -- At least one letter (same ranges as LETTER in src/lib/schemas/help-request.ts; not
    -- [[:alpha:]], which on C.UTF-8 counts Arabic-Indic digits): names of digits of other
    -- scripts or of emoji only passed.
    and cleaned ~ '[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0386-\u03FF\u0400-\u04FF\u0620-\u064A\u0E01-\u0E30\u0E81-\u0EB0\u1780-\u17B3\u1E00-\u1EFF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3]';
end
$$;
comment on function app.is_valid_name(text) is 'Whether a cleaned name is acceptable (length, no control/format/markup characters, not only digits and punctuation, at least one letter). PL/pgSQL so that its plan is cached (see app.setting).';

/* Reads a key of a JSON object as text: null when absent or JSON null; the given error code when
   the value is not a JSON string (numbers, booleans, objects and arrays are rejected, not cast). */
create function app.json_string(payload jsonb, field text, error_code text)
returns text
language plpgsql stable
set search_path = ''
as $$
begin
  if payload -> field is null or jsonb_typeof(payload -> field) = 'null' then
    return null;
  end if;
  if jsonb_typeof(payload -> field) <> 'string' then
    perform app.raise_code(error_code);
  end if;
  return payload ->> field;
end
$$;
comment on function app.json_string(jsonb, text, text) is 'Text value of a JSON field; null when absent or null; raises error_code for any other JSON type.';

/* Checks and cleans a booking payload; returns the clean values as a JSON object or raises the
   first failing rule's code. The same rules, with the same codes, are the zod schema in
   src/lib/schemas/help-request.ts. Commune existence and the consent version list are only known
   here. */
create function app.validate_help_request(payload jsonb)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  raw text;
  v_on_behalf boolean;
  v_phone text;
  v_name text;
  v_helper_name text;
  v_helper_phone text;
  v_commune text;
  v_address text;
  v_lat numeric;
  v_lon numeric;
  v_gps_ignored boolean := false;
  v_needs text[];
  v_guide text;
  v_step numeric;
  v_description text;
  v_time_window text;
  v_poster text;
  v_versions jsonb;
  v_consent_version text;
  v_message_channel text;
  location jsonb;
begin
  if payload is null or jsonb_typeof(payload) <> 'object' then
    perform app.raise_code('payload_invalid');
  end if;

  -- Honeypot: a field people never see. Bots that fill every input fill it.
  if payload -> 'website' is not null and payload -> 'website' not in ('null'::jsonb, '""'::jsonb) then
    perform app.raise_code('honeypot');
  end if;

  raw := app.json_string(payload, 'idempotency_key', 'idempotency_key_invalid');
  if raw is null or raw !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform app.raise_code('idempotency_key_invalid');
  end if;

  if payload -> 'on_behalf' is null or jsonb_typeof(payload -> 'on_behalf') = 'null' then
    v_on_behalf := false;
  elsif jsonb_typeof(payload -> 'on_behalf') = 'boolean' then
    v_on_behalf := (payload ->> 'on_behalf')::boolean;
  else
    perform app.raise_code('on_behalf_invalid');
  end if;

  -- The person to help. Their phone is optional when someone books on their behalf.
  v_phone := app.clean_line(app.json_string(payload, 'phone', 'phone_invalid'));
  if coalesce(v_phone, '') = '' then
    if not v_on_behalf then
      perform app.raise_code('phone_required');
    end if;
    v_phone := null;
  else
    v_phone := app.normalize_phone(v_phone);
    if v_phone is null then
      perform app.raise_code('phone_invalid');
    end if;
  end if;

  v_name := app.clean_line(app.json_string(payload, 'name', 'name_invalid'));
  if coalesce(v_name, '') = '' then
    perform app.raise_code('name_required');
  end if;
  if not app.is_valid_name(v_name) then
    perform app.raise_code('name_invalid');
  end if;

  -- The relative or neighbour who books: their own phone and name are the contact.
  if v_on_behalf then
    v_helper_phone := app.clean_line(app.json_string(payload, 'helper_phone', 'helper_phone_invalid'));
    if coalesce(v_helper_phone, '') = '' then
      perform app.raise_code('helper_phone_required');
    end if;
    v_helper_phone := app.normalize_phone(v_helper_phone);
    if v_helper_phone is null then
      perform app.raise_code('helper_phone_invalid');
    end if;
    v_helper_name := app.clean_line(app.json_string(payload, 'helper_name', 'helper_name_invalid'));
    if coalesce(v_helper_name, '') = '' then
      perform app.raise_code('helper_name_required');
    end if;
    if not app.is_valid_name(v_helper_name) then
      perform app.raise_code('helper_name_invalid');
    end if;
  end if;

  v_commune := app.json_string(payload, 'commune_code', 'commune_unknown');
  if coalesce(v_commune, '') = '' then
    perform app.raise_code('commune_required');
  end if;
  if v_commune !~ '^[0-9]{5}$' or not exists (select 1 from app.communes c where c.code = v_commune) then
    perform app.raise_code('commune_unknown');
  end if;

  v_address := nullif(app.clean_line(app.json_string(payload, 'address', 'address_invalid')), '');
  if v_address is not null and (
    char_length(v_address) > 200
    or v_address ~ '[\u0001-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff<>]'
  ) then
    perform app.raise_code('address_invalid');
  end if;

  -- GPS point: optional; kept only inside the province's bounding box, rounded to ~100 m.
  location := payload -> 'location';
  if location is not null and jsonb_typeof(location) <> 'null' then
    -- Nested checks: the numeric casts run only once both values are known to be JSON numbers.
    if jsonb_typeof(location) <> 'object'
      or jsonb_typeof(location -> 'lat') is distinct from 'number'
      or jsonb_typeof(location -> 'lon') is distinct from 'number'
    then
      perform app.raise_code('location_invalid');
    end if;
    v_lat := (location ->> 'lat')::numeric;
    v_lon := (location ->> 'lon')::numeric;
    if v_lat not between -90 and 90 or v_lon not between -180 and 180 then
      perform app.raise_code('location_invalid');
    end if;
    if v_lat between 20.6 and 21.75 and v_lon between 106.4 and 108.15 then
      v_lat := round(v_lat, 3);
      v_lon := round(v_lon, 3);
    else
      v_lat := null;
      v_lon := null;
      v_gps_ignored := true;
    end if;
  end if;

  if payload -> 'needs' is null or jsonb_typeof(payload -> 'needs') = 'null' then
    perform app.raise_code('needs_required');
  end if;
  if jsonb_typeof(payload -> 'needs') <> 'array' or jsonb_array_length(payload -> 'needs') > 10
    or exists (
      select 1 from jsonb_array_elements(payload -> 'needs') e
      where jsonb_typeof(e) <> 'string'
        or e #>> '{}' not in ('vneid', 'vssid', 'etax', 'dichvucong', 'smart-quang-ninh', 'thanh-toan-an-toan', 'other')
    )
  then
    perform app.raise_code('needs_invalid');
  end if;
  select coalesce(array_agg(n.need order by n.first_at), '{}') into v_needs
  from (
    select e.value #>> '{}' as need, min(e.ordinality) as first_at
    from jsonb_array_elements(payload -> 'needs') with ordinality e
    group by 1
  ) n;
  if cardinality(v_needs) = 0 then
    perform app.raise_code('needs_required');
  end if;

  v_guide := nullif(app.json_string(payload, 'guide_code', 'guide_invalid'), '');
  if v_guide is not null and v_guide !~ '^[a-z0-9]{2,8}$' then
    perform app.raise_code('guide_invalid');
  end if;

  if payload -> 'guide_step' is not null and jsonb_typeof(payload -> 'guide_step') <> 'null' then
    if jsonb_typeof(payload -> 'guide_step') <> 'number' then
      perform app.raise_code('step_invalid');
    end if;
    v_step := (payload ->> 'guide_step')::numeric;
    if v_step <> trunc(v_step) or v_step not between 1 and 50 or v_guide is null then
      perform app.raise_code('step_invalid');
    end if;
  end if;

  v_description := nullif(app.clean_text(app.json_string(payload, 'description', 'description_invalid')), '');
  if v_description is not null and (
    char_length(v_description) > 500
    or v_description ~ '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]'
  ) then
    perform app.raise_code('description_invalid');
  end if;

  v_time_window := app.json_string(payload, 'time_window', 'time_window_invalid');
  if v_time_window is null then
    perform app.raise_code('time_window_required');
  end if;
  if v_time_window not in ('any', 'morning', 'afternoon', 'evening', 'weekend') then
    perform app.raise_code('time_window_invalid');
  end if;

  v_poster := nullif(app.json_string(payload, 'source_poster', 'poster_invalid'), '');
  if v_poster is not null and v_poster !~ '^[A-Za-z0-9_-]{1,40}$' then
    perform app.raise_code('poster_invalid');
  end if;

  if payload -> 'consent' is distinct from 'true'::jsonb then
    perform app.raise_code('consent_required');
  end if;
  v_consent_version := app.json_string(payload, 'consent_version', 'consent_version_invalid');
  v_versions := app.setting('consent.versions');
  if v_consent_version is null or jsonb_typeof(v_versions) <> 'array'
    or not v_versions ? v_consent_version then
    perform app.raise_code('consent_version_invalid');
  end if;

  -- Messages to the citizen (SMS or Zalo): only when chosen on the form; absent = none.
  v_message_channel := app.json_string(payload, 'message_channel', 'message_channel_invalid');
  if v_message_channel is not null and v_message_channel not in ('sms', 'zalo') then
    perform app.raise_code('message_channel_invalid');
  end if;

  return jsonb_build_object(
    'idempotency_key', lower(raw),
    'on_behalf', v_on_behalf,
    'name', v_name,
    'phone', v_phone,
    'helper_name', v_helper_name,
    'helper_phone', v_helper_phone,
    'commune_code', v_commune,
    'address', v_address,
    'gps_lat', v_lat,
    'gps_lon', v_lon,
    'gps_ignored', v_gps_ignored,
    'needs', to_jsonb(v_needs),
    'guide_code', v_guide,
    'guide_step', v_step,
    'description', v_description,
    'time_window', v_time_window,
    'source_poster', v_poster,
    'consent_version', v_consent_version,
    'message_channel', v_message_channel
  );
end
$$;
comment on function app.validate_help_request(jsonb) is 'Checks and cleans a booking payload, raising one stable code per rejection; mirrors src/lib/schemas/help-request.ts.';

/* "QN-" and 9 characters from a 30-letter alphabet without 0/O/1/I/L/U: log2(30^9) ≈ 44 bits,
   drawn from gen_random_uuid() (the server's strong random source; 60 random bits used, so the
   modulo bias is negligible). Grouped in threes for reading aloud over the phone. */
create function app.new_reference_code()
returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  alphabet constant text := '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  hex text := replace(gen_random_uuid()::text, '-', '');
  n bigint;
  code text := '';
begin
  -- Hex digits 1–12 and 21–23 of a v4 UUID are random (13 is the version, 17 the variant).
  n := ('x' || lpad(substr(hex, 1, 12) || substr(hex, 21, 3), 16, '0'))::bit(64)::bigint;
  for i in 1..9 loop
    code := code || substr(alphabet, (n % 30)::int + 1, 1);
    n := n / 30;
  end loop;
  return 'QN-' || substr(code, 1, 3) || '-' || substr(code, 4, 3) || '-' || substr(code, 7, 3);
end
$$;
comment on function app.new_reference_code() is 'New unguessable reference code QN-XXX-XXX-XXX (about 44 random bits), easy to read aloud.';

/* A short, easy-to-say Vietnamese word the volunteer says when calling. Not a secret against
   brute force: it lets a citizen tell a real helper, who has the request, from a cold caller.
   PL/pgSQL rather than LANGUAGE sql: it runs on every booking, and PL/pgSQL keeps its plan for
   the session (see app.setting(), settings migration: SQL helpers were ~44 % of request_help's
   database CPU). */
create function app.new_verification_word()
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
comment on function app.new_verification_word() is 'Random easy-to-say word (48 choices) the assigned volunteer says when calling the citizen. PL/pgSQL so that its plan is cached (see app.setting).';
