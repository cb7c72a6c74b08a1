import requests from './vi/requests.json';
import messages from './vi/phone-lookup.json';
import { createTranslator } from './translator';

/** Strings of "Quên mã? Tìm bằng số điện thoại" on /tra-cuu/ (with the shared status words). */
export type MessageKey = keyof typeof messages | keyof typeof requests;
export const t = createTranslator({ ...requests, ...messages });
