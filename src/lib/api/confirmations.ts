/**
 * Contracts of volunteers' guide confirmations (migration 20261128002300_guide_confirmations.sql):
 * a member records that they followed a guide in the real app (/doi/), the guide page reads the
 * latest confirmation (anon), admins work through the review queue (/quan-tri/).
 */
import * as z from 'zod/mini';
import { defineRpc } from './rpc';

/** The phone systems a confirmation names. */
export const PHONE_SYSTEMS = ['android', 'ios'] as const;

/**
 * record_guide_confirmation(guide_code, app_name, app_version, phone_system, steps_ok,
 * step_number, screen_note): signed-in members. `steps_ok` true is "các bước vẫn đúng"; false is a
 * report that needs `step_number` (1–50) and `screen_note` (5–500 characters, what the screen
 * showed; phone numbers and emails are masked). Errors: not_member, guide_invalid (not a published
 * guide), app_invalid, version_invalid (digits and dots, "1.6.2"), system_invalid,
 * result_required, step_invalid, note_required, note_invalid, rate_limited (30 a day per member).
 */
export const recordGuideConfirmation = defineRpc(
  'record_guide_confirmation',
  {
    guide_code: z.string(),
    app_name: z.string(),
    app_version: z.string(),
    phone_system: z.enum(PHONE_SYSTEMS),
    steps_ok: z.boolean(),
    step_number: z.optional(z.nullable(z.int())),
    screen_note: z.optional(z.nullable(z.string())),
  },
  z.object({ id: z.int(), guide_code: z.string(), steps_ok: z.boolean(), created_at: z.string() }),
);

/**
 * guide_confirmation_stamp(guide_code): anyone (anon). Only what the guide page prints: the
 * latest "các bước vẫn đúng" confirmation's date (YYYY-MM-DD, Vietnam time), app, version and team
 * name (all null when never confirmed), and whether a report of a changed step is open. Nothing
 * about the member. Errors: guide_invalid.
 */
export const guideConfirmationStamp = defineRpc(
  'guide_confirmation_stamp',
  { guide_code: z.string() },
  z.object({
    guide_code: z.string(),
    confirmed_on: z.nullable(z.string()),
    app_name: z.nullable(z.string()),
    app_version: z.nullable(z.string()),
    team_name: z.nullable(z.string()),
    open_report: z.boolean(),
  }),
);
export type GuideConfirmationStamp = z.output<typeof guideConfirmationStamp.answer>;

/** An open report in the admin queue. */
const openReportSchema = z.object({
  id: z.int(),
  created_at: z.string(),
  team_name: z.nullable(z.string()),
  app_name: z.string(),
  app_version: z.string(),
  phone_system: z.enum(PHONE_SYSTEMS),
  step_number: z.int(),
  screen_note: z.string(),
});

/** One guide in the admin review queue. */
const reviewQueueItemSchema = z.object({
  guide_code: z.string(),
  last_confirmed_at: z.nullable(z.string()),
  confirmations: z.int(),
  open_reports: z.array(openReportSchema),
});
export type ReviewQueueItem = z.output<typeof reviewQueueItemSchema>;

/**
 * admin_guide_review_queue(): admins. Every published guide (and any retired code with an open
 * report), open reports first (oldest first), then guides never confirmed, then the oldest latest
 * confirmation first. Errors: forbidden, not_member.
 */
export const adminGuideReviewQueue = defineRpc('admin_guide_review_queue', {}, z.array(reviewQueueItemSchema));

/**
 * admin_handle_guide_report(report_id, note): admins mark an open report handled, with an optional
 * note (at most 500 characters). Errors: forbidden, not_member, not_found, already_handled,
 * note_invalid.
 */
export const adminHandleGuideReport = defineRpc(
  'admin_handle_guide_report',
  { report_id: z.int(), note: z.optional(z.nullable(z.string())) },
  z.object({ id: z.int(), guide_code: z.string(), handled_at: z.string() }),
);
