/**
 * Everything of the team workspace that talks to Supabase, as one module the workspace imports
 * dynamically: supabase-js and zod (about two thirds of the page's JavaScript) download while the
 * page's first screen is already drawn, as the booking form does (src/lib/booking/api.ts).
 */
export { getSupabase } from '../supabase/client';
export * from '../supabase/team-rpc';
