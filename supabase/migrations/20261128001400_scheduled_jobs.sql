-- Scheduled jobs: the one entry point for periodic work, and its schedule.
--
-- app.run_scheduled_jobs() runs escalation (escalation migration) and the retention erasure
-- (personal data retention migration). pg_cron calls it every minute on Supabase when the extension
-- exists (enable pg_cron in the dashboard before pushing, or schedule it by hand: see README,
-- "Admin workspace, statistics and retention"); the local stack calls it every 60 s.
--
-- Objects: app.run_scheduled_jobs(); the pg_cron job run-scheduled-jobs where pg_cron is available.

/* Every periodic job, in one call: escalation of unaccepted requests, the retention erasure, and
   the periodic notifications (escalation warnings, reminders, daily summary, outbox purge; the
   notification events migration).
   Returns what each did. Called by pg_cron on Supabase, by the local stack
   (supabase/local/jobs.ts) every 60 s here. Escalation and the notification jobs are looked up by
   name, so a database without them would still run the erasure. */
create function app.run_scheduled_jobs()
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  result jsonb := '{}'::jsonb;
  escalated jsonb;
begin
  if to_regprocedure('app.escalate_stale_requests()') is not null then
    execute 'select to_jsonb(app.escalate_stale_requests())' into escalated;
    result := result || jsonb_build_object('escalation', escalated);
  end if;
  result := result || jsonb_build_object('erased', app.erase_expired_personal_data());
  if to_regprocedure('app.run_notification_jobs()') is not null then
    execute 'select app.run_notification_jobs()' into escalated;
    result := result || jsonb_build_object('notifications', escalated);
  end if;
  return result;
end
$$;
comment on function app.run_scheduled_jobs() is 'Runs every periodic job (escalation when present, retention erasure) and returns what each did. Scheduled by pg_cron every minute on Supabase, by the local stack here.';

-- pg_cron only where it exists (Supabase); PGlite and a plain PostgreSQL server go without it (the
-- local stack calls the function itself). cron.schedule with an existing name replaces that job
-- rather than adding a second one. A server that lists pg_cron without preloading it refuses it:
-- the warning says what to do.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron') then
    begin
      create extension if not exists pg_cron with schema pg_catalog;
      execute $job$select cron.schedule('run-scheduled-jobs', '* * * * *', 'select app.run_scheduled_jobs()')$job$;
    exception when others then
      raise warning 'pg_cron is available but could not be used (%): schedule "select app.run_scheduled_jobs()" every minute another way.', sqlerrm;
    end;
  end if;
end
$$;
