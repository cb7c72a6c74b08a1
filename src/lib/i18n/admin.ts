import common from './vi/common.json';
import requests from './vi/requests.json';
import team from './vi/team.json';
import admin from './vi/admin.json';
import confirmations from './vi/confirmations.json';
import notifications from './vi/notifications.json';
import { createTranslator } from './translator';

/** Strings of the admin workspace (/quan-tri/), which reuses the team's labels. */
const messages = { ...common, ...requests, ...team, ...admin, ...confirmations, ...notifications };

export type MessageKey = keyof typeof messages;
export const t = createTranslator(messages);
