import type { APIRoute } from 'astro';

/** robots.txt with the sitemap at the configured origin; workspaces and posters stay out of search engines. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    [
      'User-agent: *',
      'Disallow: /doi/',
      'Disallow: /quan-tri/',
      'Disallow: /in/',
      'Disallow: /tim-kiem/',
      '',
      `Sitemap: ${new URL('sitemap-index.xml', site).toString()}`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
