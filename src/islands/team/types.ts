/** Links the page gives the workspace, built at build time from the content collections. */

/** A guide by its short code: title, page path, platform. */
export interface GuideLink {
  title: string;
  path: string;
  platform: string;
}

/** Guides by code (`vs4` → …). */
export type GuideLinks = Record<string, GuideLink>;

/** Platforms by id: short name and hub path (`vssid` → { name: 'VssID', path: '/vssid/' }). */
export type PlatformLinks = Record<string, { name: string; path: string }>;
