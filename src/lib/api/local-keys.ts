/**
 * The anon key of the embedded local stack: the well-known public demo key of Supabase's local
 * development stack, signed with its demo JWT secret (role anon, expires 2032). It grants only what
 * migrations grant to `anon`. A real project's anon key comes from PUBLIC_SUPABASE_ANON_KEY.
 */
export const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
