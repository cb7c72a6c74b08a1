import common from './vi/common.json';
import requests from './vi/requests.json';
import team from './vi/team.json';
import confirmations from './vi/confirmations.json';
import { createTranslator } from './translator';

/** Strings of the team workspace (/doi/). */
const messages = { ...common, ...requests, ...team, ...confirmations };

export type MessageKey = keyof typeof messages;
export const t = createTranslator(messages);
