import requests from './vi/requests.json';
import booking from './vi/booking.json';
import { createTranslator } from './translator';

/** Strings of the booking form and its confirmation (/dat-lich/). */
const messages = { ...requests, ...booking };

export type MessageKey = keyof typeof messages;
export const t = createTranslator(messages);
