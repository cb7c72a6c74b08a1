import retiredCodesJson from '../../../content/retired-codes.json';
import { retiredCodesSchema, type RetiredCode } from '../schemas/retired-code';

/**
 * Short codes of deleted guides (content/retired-codes.json), validated. An invalid file fails the
 * build with zod's message naming the entry.
 */
export const retiredCodes: RetiredCode[] = retiredCodesSchema.parse(retiredCodesJson);
