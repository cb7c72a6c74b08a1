import common from './vi/common.json';
import requests from './vi/requests.json';
import booking from './vi/booking.json';
import lookup from './vi/lookup.json';
import privacy from './vi/privacy.json';
import guides from './vi/guides.json';
import posters from './vi/posters.json';
import team from './vi/team.json';
import admin from './vi/admin.json';
import forms from './vi/forms.json';
import about from './vi/about.json';
import outreach from './vi/outreach.json';
import guideModel from './vi/guide-model.json';
import confirmations from './vi/confirmations.json';
import sessions from './vi/sessions.json';
import teamNotifications from './vi/team-notifications.json';
import phoneLookup from './vi/phone-lookup.json';
import { createTranslator } from './translator';

/**
 * Every user-facing string lives in src/lib/i18n/vi/<area>.json (flat dot keys, one file per area
 * so that areas can grow without stepping on each other). Add a new area file to `messages` below.
 *
 * This module holds every area: use it from Astro pages and components (rendered at build time).
 * Islands import their area's module instead (booking.ts, team.ts, admin.ts), so the browser only
 * downloads the strings it can show.
 */
const messages = {
  ...common,
  ...requests,
  ...booking,
  ...lookup,
  ...privacy,
  ...guides,
  ...posters,
  ...team,
  ...admin,
  ...forms,
  ...about,
  ...outreach,
  ...guideModel,
  ...confirmations,
  ...sessions,
  ...teamNotifications,
  ...phoneLookup,
};

/** Keys of every user-facing string. */
export type MessageKey = keyof typeof messages;

export const t = createTranslator(messages);
