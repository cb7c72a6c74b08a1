-- Delivery schedule on Supabase: pg_cron calls the notify Edge Function every minute and a trigger
-- calls it at once for each new outbox row, both through pg_net (asynchronous HTTP: the
-- transaction that wrote the row never waits for it). Only where both extensions exist (a Supabase
-- project with pg_cron and pg_net enabled); PGlite and a plain PostgreSQL server go without, and
-- the local stack calls the function itself (supabase/local/functions.ts).
--
-- Nothing secret is in this file: the function's URL and the service-role key are read from
-- Supabase Vault (secrets notify_url and notify_service_key; see README, "Notifications"). Until
-- both exist the calls are skipped, and the messages wait in the outbox.
--
-- Objects: app.call_notify() (where pg_net exists), trigger notification_outbox_call_notify, the
--          pg_cron job notify-outbox.

do $outer$
begin
  if not exists (select 1 from pg_extension where extname = 'pg_net')
    or not exists (select 1 from pg_extension where extname = 'pg_cron') then
    raise notice 'pg_net or pg_cron is not enabled: the notify function is not scheduled (enable both, then run this migration''s statements again).';
    return;
  end if;

  /* Calls the notify function once, asynchronously; a no-op until the Vault secrets exist. */
  execute $fn$
    create or replace function app.call_notify()
    returns void
    language plpgsql volatile security definer
    set search_path = ''
    as $body$
    declare
      target text;
      key text;
    begin
      if to_regclass('vault.decrypted_secrets') is null then
        return;
      end if;
      execute 'select max(decrypted_secret) filter (where name = ''notify_url''),
                      max(decrypted_secret) filter (where name = ''notify_service_key'')
               from vault.decrypted_secrets where name in (''notify_url'', ''notify_service_key'')'
        into target, key;
      if target is null or key is null then
        return;
      end if;
      perform net.http_post(
        url := target,
        headers := jsonb_build_object('authorization', 'Bearer ' || key, 'content-type', 'application/json'),
        body := '{}'::jsonb,
        timeout_milliseconds := 30000);
    end
    $body$
  $fn$;
  execute $c$comment on function app.call_notify() is 'Calls the notify Edge Function through pg_net with the URL and service-role key from Vault (notify_url, notify_service_key); does nothing until both exist.'$c$;
  execute 'revoke all on function app.call_notify() from public';

  /* One call per statement that wrote outbox rows (a booking writes several in one statement). */
  execute $fn$
    create or replace function app.notification_outbox_call_notify()
    returns trigger
    language plpgsql volatile
    set search_path = ''
    as $body$
    begin
      -- A statement that inserted nothing (every row a duplicate) calls nothing.
      if exists (select 1 from inserted) then
        perform app.call_notify();
      end if;
      return null;
    end
    $body$
  $fn$;
  execute $c$comment on function app.notification_outbox_call_notify() is 'Trigger: calls the notify function (pg_net, asynchronous) after a statement inserted outbox rows.'$c$;
  execute 'drop trigger if exists notification_outbox_call_notify on app.notification_outbox';
  execute 'create trigger notification_outbox_call_notify after insert on app.notification_outbox
           referencing new table as inserted
           for each statement execute function app.notification_outbox_call_notify()';

  -- Every minute: retries and held emails become due without a new row.
  execute $job$select cron.schedule('notify-outbox', '* * * * *', 'select app.call_notify()')$job$;
end
$outer$;
