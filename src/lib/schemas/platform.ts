import { z } from 'zod';

import { PLATFORM_IDS } from '../domain/platform-ids.ts';

export { PLATFORM_IDS };

export const platformIdSchema = z.enum(PLATFORM_IDS);

/** A link to an official page; only links confirmed in the reference notes belong here. */
export const officialLinkSchema = z.object({
  /** What the citizen sees as the link text, in Vietnamese. */
  label: z.string().min(3),
  /** Absolute https URL of the official page. */
  url: z.url({ protocol: /^https$/ }),
});

/** One platform (app or portal) as shown on its hub page and home tile. */
export const platformSchema = z.object({
  /** Stable id, also the URL slug of the hub page (`/vssid/`). */
  id: platformIdSchema,
  /** Full Vietnamese name, as the publisher writes it. */
  name: z.string().min(2),
  /** Short name for tiles and breadcrumbs. */
  shortName: z.string().min(2).max(24),
  /** One or two plain sentences: what the platform is for. */
  description: z.string().min(20).max(300),
  /** Order on the home page; lower comes first. */
  order: z.number().int().min(0),
  /** Official links (stores, portals). Only verified ones; may be empty. */
  links: z.array(officialLinkSchema).default([]),
  /** Official hotline, only when a source states it (e.g. VNeID 1900 0368). */
  hotline: z.string().regex(/^[0-9 ]{4,14}$/).optional(),
});
export type Platform = z.output<typeof platformSchema>;
