import common from './vi/common.json';
import sessions from './vi/sessions.json';
import { createTranslator } from './translator';

/** Strings of help sessions and commune pages (commune page script, booking form, /doi/, team posters). */
const messages = { ...common, ...sessions };

export type MessageKey = keyof typeof messages;
export const t = createTranslator(messages);
