import { z } from 'zod';
import { platformIdSchema } from './platform';

/** A short stable code used in QR short links (`/g/<code>/`): 2–8 lowercase letters or digits. */
export const guideCodeSchema = z
  .string()
  .regex(/^[a-z0-9]{2,8}$/, 'Mã ngắn chỉ gồm 2–8 chữ thường không dấu hoặc chữ số');

/** An image shown inside a step. */
const stepImageSchema = z.object({
  /** Path under `public/`, starting with `/`. */
  src: z.string().startsWith('/'),
  /** What the image shows, for screen readers and when images are off. Required. */
  alt: z.string().min(5),
});

/** One numbered step of a guide. */
export const guideStepSchema = z.object({
  /** What to do, as a short imperative ("Mở ứng dụng VssID"). */
  title: z.string().min(3).max(120),
  /** Details in plain Vietnamese (Markdown inline allowed: **bold**, "quoted labels"). */
  body: z.string().min(10),
  /** Optional picture of the screen. */
  image: stepImageSchema.optional(),
  /** Optional helpful hint shown in a quiet box. */
  tip: z.string().min(5).optional(),
  /** Optional warning (scams, irreversible actions) shown prominently. */
  warning: z.string().min(5).optional(),
  /** Whether this is one of the key steps printed on the A4 poster (3–5 per guide). */
  key: z.boolean().default(false),
});

/** A common problem and how to fix it. */
const problemSchema = z.object({
  /** The symptom in the citizen's words ("Không nhận được mã OTP"). */
  problem: z.string().min(5),
  /** What to do about it. */
  fix: z.string().min(10),
});

/** A source the guide's facts came from. */
const sourceSchema = z.object({
  /** Title of the page or document. */
  title: z.string().min(3),
  /** Absolute URL. */
  url: z.url(),
});

/** Frontmatter of a guide in `content/guides/<platform>/<slug>.md`. */
export const guideSchema = z.object({
  /** Task-shaped title ("Đăng ký tài khoản VssID"). */
  title: z.string().min(5).max(90),
  /** One line: what the citizen will achieve. Also the meta description. */
  summary: z.string().min(20).max(200),
  /** Platform id; must match the folder the file is in. */
  platform: platformIdSchema,
  /** Stable short code for QR links; never changes once printed. */
  code: guideCodeSchema,
  /** The tasks this guide covers, in plain words (used in search and listings). */
  tasks: z.array(z.string().min(3)).min(1),
  /** Who the guide is for ("Người lao động có sổ BHXH"). */
  audience: z.string().min(5),
  /** What to have ready before starting ("CCCD gắn chip", "VNeID mức 2"). */
  prerequisites: z.array(z.string().min(3)).default([]),
  /** Estimated minutes to complete. */
  minutes: z.number().int().min(1).max(120),
  /** Ordered steps; at least two. */
  steps: z.array(guideStepSchema).min(2),
  /** Common problems with fixes. */
  problems: z.array(problemSchema).default([]),
  /**
   * Extra words people type for this guide: unaccented forms, abbreviations (BHXH, CCCD, MST),
   * synonyms and common typos. Indexed by search as hidden text, never shown.
   */
  aliases: z.array(z.string().min(2)).default([]),
  /** Listed among the most-needed guides on the home page and in empty search results. */
  popular: z.boolean().default(false),
  /** When and against what the content was last checked. */
  reviewed: z.object({
    /** Date of the last review (YYYY-MM-DD). */
    date: z.coerce.date(),
    /** What it was checked against: app version, official page, or the research notes. */
    against: z.string().min(5),
    /** True only when someone checked the steps in the live app or site. */
    checkedLive: z.boolean().default(false),
  }),
  /** Official or press URLs the facts came from; at least one. */
  sources: z.array(sourceSchema).min(1),
  /** Code of the guide that replaces this one; set when a guide is withdrawn (keeps QR links alive). */
  replacedBy: guideCodeSchema.optional(),
});
export type Guide = z.output<typeof guideSchema>;
