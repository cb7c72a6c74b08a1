// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import modulepreload from './src/integrations/modulepreload.ts';

// The public origin of the site, used for canonical URLs, the sitemap and the QR codes on posters.
// Set SITE_URL when building for production (e.g. https://trogiupso.quangninh.example). Without it,
// the local stack's own address: `PORT=4334 npm start` builds and serves on 4334, so its posters and
// print-outs must point there (4321 is the stack's default port, supabase/local/config.ts).
const site = process.env.SITE_URL ?? `http://localhost:${process.env.PORT || 4321}`;

// `npm run dev` proxies the API to a running local stack (npm start) so islands work in dev too.
const apiTarget = process.env.LOCAL_STACK_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  // OUT_DIR lets parallel e2e runs build into folders of their own.
  outDir: process.env.OUT_DIR ?? './dist',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    react(),
    // Workspaces, posters, search results and the offline page are not for search engines.
    sitemap({ filter: (page) => !/\/(doi|quan-tri|in|g|tim-kiem|ngoai-tuyen)\//.test(new URL(page).pathname) }),
    pagefind(),
    modulepreload(),
  ],
  vite: {
    server: {
      proxy: {
        '/rest/v1': { target: apiTarget, changeOrigin: true },
        '/auth/v1': { target: apiTarget, changeOrigin: true },
      },
    },
  },
});
