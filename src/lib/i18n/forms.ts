import forms from './vi/forms.json';
import { createTranslator } from './translator';

/** Strings of the shared form parts (src/islands/shared/: error summary, field), on every form. */
export const t = createTranslator(forms);
