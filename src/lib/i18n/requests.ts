import requests from './vi/requests.json';
import { createTranslator } from './translator';

/** Strings both citizen islands show (booking and status), e.g. this device's remembered requests. */
export const t = createTranslator(requests);
