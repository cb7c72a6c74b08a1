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

/**
 * One alternative way of doing the task ("Cách 1: Qua email trong ứng dụng"): the citizen picks one
 * way and follows only its steps, numbered from 1 within the way. Use ways instead of numbering
 * "Hoặc …" steps after the ones they replace.
 */
export const guideWaySchema = z.object({
  /** What the way is, short ("Qua email trong ứng dụng"); printed as "Cách 1: <title>". */
  title: z.string().min(3).max(90),
  /** Who should choose this way ("Tài khoản đã đăng ký email"); printed as "Dùng khi: <when>". */
  when: z.string().min(3).max(160).optional(),
  /** The way's steps; at least one. */
  steps: z.array(guideStepSchema).min(1),
});
export type GuideWay = z.output<typeof guideWaySchema>;

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
  /** What to have ready before starting ("CCCD gắn chip", "VNeID mức 2"); at least one. */
  prerequisites: z.array(z.string().min(3)).min(1),
  /** Estimated minutes to complete. */
  minutes: z.number().int().min(1).max(120),
  /**
   * Ordered steps everyone does (before choosing a way, when the guide has ways). Together with the
   * ways, at least two: `steps.length + ways.length >= 2`.
   */
  steps: z.array(guideStepSchema).default([]),
  /** Alternatives ("Cách 1", "Cách 2" …) after the common steps; when present, at least two. */
  ways: z.array(guideWaySchema).min(2).optional(),
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
}).refine((guide) => guide.steps.length + (guide.ways?.length ?? 0) >= 2, {
  message: 'Cần ít nhất 2 bước, hoặc các bước chung cộng các cách (ways) từ 2 trở lên',
  path: ['steps'],
});
export type Guide = z.output<typeof guideSchema>;
