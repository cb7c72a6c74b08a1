/**
 * The guide page's confirmation stamp (src/components/guide/GuideConfirmation.astro), imported with
 * import() once the page has loaded: a guide page loads nothing of this up front, and after the
 * load only the anonymous public read (postgrest-js, no zod; src/lib/api/public-read.ts).
 */
import { guideStampRead, readPublic } from '../api/public-read';

/** The latest confirmation of a guide by a team, and whether a report of a changed step is open. */
export function fetchConfirmationStamp(guideCode: string) {
  return readPublic(guideStampRead, { guide_code: guideCode });
}
