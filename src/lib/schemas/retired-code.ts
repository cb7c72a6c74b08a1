import { z } from 'zod';
import { guideCodeSchema } from './guide';
import { platformIdSchema } from './platform';

/**
 * A short code whose guide was deleted from content/, listed in `content/retired-codes.json`.
 * Posters with this code are still on walls, so `/g/<code>/` keeps working: it leads to the
 * replacement guide or, when there is none, to the platform hub. Never delete an entry.
 */
export const retiredCodeSchema = z
  .object({
    /** The code printed on posters (`vs9`). Must not be reused by any guide. */
    code: guideCodeSchema,
    /** Code of the guide that replaces it (may itself be replaced; the chain is followed). */
    replacedBy: guideCodeSchema.optional(),
    /** Platform hub to open when no guide replaces it. */
    platform: platformIdSchema.optional(),
    /** Why and when the guide was removed (for maintainers; never shown). */
    note: z.string().min(5),
  })
  .refine((entry) => (entry.replacedBy === undefined) !== (entry.platform === undefined), {
    message: 'A retired code needs exactly one of replacedBy (a guide code) or platform (a platform id)',
  });
export type RetiredCode = z.output<typeof retiredCodeSchema>;

/** The whole file: a list of retired codes. */
export const retiredCodesSchema = z.array(retiredCodeSchema);
