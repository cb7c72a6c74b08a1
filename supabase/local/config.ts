/**
 * Constants of the embedded local stack (never used against a real Supabase project).
 *
 * The JWT secret and the anon key are the well-known values of Supabase's own local development
 * stack (`supabase start`), so they are public on purpose: they protect nothing but a laptop.
 */
import { fileURLToPath } from 'node:url';

/** HS256 secret shared by PostgREST and the auth stand-in. */
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** Repository root, resolved from this file so scripts work from any working directory. */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Where PGlite keeps the local database between runs (git-ignored). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('./.data/pglite', import.meta.url));

/** The default port of the portal, as Astro uses. */
export const DEFAULT_PORT = 4321;
