import messages from './vi/team-notifications.json';
import { createTranslator } from './translator';

/** Strings of the team workspace's notifications panel (/doi/): push devices, email, quiet hours. */
export type MessageKey = keyof typeof messages;
export const t = createTranslator(messages);
