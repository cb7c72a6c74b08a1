import { z } from 'zod';

/** Kinds of commune-level unit since 1 July 2025 (no districts any more). */
export const COMMUNE_TYPES = ['phường', 'xã', 'đặc khu'] as const;

/**
 * One of Quảng Ninh's commune-level units, as listed in `content/communes.json`.
 * The database's `app.communes` is loaded from the same list (a test checks parity).
 */
export const communeSchema = z.object({
  /** Official 5-digit unit code (Decision 19/2025/QĐ-TTg); a string because leading zeros matter. */
  code: z.string().regex(/^\d{5}$/),
  /** Full official name with its type ("Phường Hà Tu", "Đặc khu Vân Đồn"). */
  name: z.string().min(4),
  /** URL slug without diacritics or type, used in `?xa=` and poster URLs ("ha-tu"). */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** phường, xã or đặc khu. */
  type: z.enum(COMMUNE_TYPES),
  /** Units merged into this one on 1 July 2025 (helps people who still use the old names). */
  formerUnits: z.array(z.string()).default([]),
  /** Former district-level units these came from (context only; they no longer exist). */
  formerDistricts: z.array(z.string()).default([]),
  /** Approximate centre of the territory (not the office), WGS84 latitude. */
  lat: z.number().min(20).max(22),
  /** Approximate centre of the territory, WGS84 longitude. */
  lon: z.number().min(106).max(109),
});
export type Commune = z.output<typeof communeSchema>;
