import common from './vi/common.json';
import outreach from './vi/outreach.json';
import { createTranslator } from './translator';

/** Strings of the outreach log: its form and lists in /doi/ and its statistics in /quan-tri/. */
const messages = { ...common, ...outreach };

export type MessageKey = keyof typeof messages;
export const t = createTranslator(messages);

/** Whether a key has a message (for codes that come from the database). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}
