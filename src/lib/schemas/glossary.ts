import { z } from 'zod';

/**
 * One term of the glossary (`content/glossary.json`): a word a citizen may not know, explained in
 * one plain sentence. The first use of the term (or an alias) on a guide page links to its meaning
 * in the page's "Giải thích từ ngữ" section.
 */
export const glossaryTermSchema = z.object({
  /** Stable id, lowercase letters, digits and hyphens; the anchor is `#tu-<id>`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang'),
  /** The term as printed in the glossary ("NFC", "mã xác thực"). */
  term: z.string().min(2).max(40),
  /** Other ways guides write it ("nfc", "mã OTP"); matched like the term, case ignored. */
  aliases: z.array(z.string().min(2).max(40)).default([]),
  /** One plain Vietnamese sentence (at most about 30 words). */
  meaning: z
    .string()
    .min(10)
    .max(240)
    .refine((text) => text.trim().split(/\s+/).length <= 35, 'Giải thích trong một câu ngắn (tối đa khoảng 30 chữ)'),
});
export type GlossaryTerm = z.output<typeof glossaryTermSchema>;

/** The whole glossary: ids unique. */
export const glossarySchema = z
  .array(glossaryTermSchema)
  .refine((terms) => new Set(terms.map((term) => term.id)).size === terms.length, 'Mỗi id chỉ dùng một lần');
