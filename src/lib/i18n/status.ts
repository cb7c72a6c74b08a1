import requests from './vi/requests.json';
import lookup from './vi/lookup.json';
import { createTranslator } from './translator';

/** Strings of the status look-up, cancelling and erasure (/tra-cuu/). */
const messages = { ...requests, ...lookup };

export type MessageKey = keyof typeof messages;
export const t = createTranslator(messages);
