/**
 * Phone numbers and SMS codes in guide text become links a citizen can tap, written in groups a
 * person reads aloud ("1900 9068", "0912 345 678"). Authors write plain text ("gọi 1900 9068",
 * "gửi đến 8079"); the renderer adds the links (`tel:19009068`, `sms:8079`).
 *
 * Recognised: hotlines 1800/1900 + 4 digits ("1900 9068", "1900.9068", "1900-9068", "19009068"), Vietnamese
 * phone numbers of 10 digits starting with 0 (written together or in groups), the emergency
 * numbers 111/113/114/115 after "gọi"/"số", and SMS short codes of 4–5 digits after "nhắn tin",
 * "nhắn", "soạn tin … gửi", "gửi (đến|tới)".
 */
import { escapeHtml } from '../text/html';
import { rewriteText, type TextRun } from './html-text';

/** A hotline: 1800/1900 and four digits, grouped 4 + 4. */
const HOTLINE = /(?<![\p{L}\p{N}/=?&_.-])(1[89]00)[ .\u00a0-]?(\d{2})[ .\u00a0-]?(\d{2})(?![\p{N}])(?![.,]\d)/gu;
/** A 10-digit number starting with 0, grouped 4 + 3 + 3. */
const PHONE = /(?<![\p{L}\p{N}/=?&_.-])(0\d{3})[ .\u00a0-]?(\d{3})[ .\u00a0-]?(\d{3})(?![\p{N}])(?![.,]\d)/gu;
/** An emergency number after "gọi" or "số". */
const EMERGENCY = /(?<=(?:gọi|số)\s+)(11[1345])(?![\p{N}])(?![.,]\p{N})/giu;
/** An SMS short code after the words that send a message. */
const SMS = /(?<=(?:nhắn tin|nhắn|gửi)(?:\s+(?:đến|tới|về))?(?:\s+số)?\s+)(\d{4,5})(?![\p{N}])(?![.,]\p{N})(?!\s*(?:đồng|nghìn|triệu))/giu;

function telLink(digits: string, shown: string): string {
  return `<a class="app-tel" href="tel:${digits}">${shown}</a>`;
}

/** Links the numbers of one text run; `run.before` supplies words before it ("gửi đến" **8079**). */
function linkRun({ text, before }: TextRun): string {
  // Match on the tail of the text before plus this run, keep only numbers starting in this run.
  const tail = before.slice(-40);
  const joined = tail + text;
  const hits: { start: number; end: number; html: string }[] = [];
  const add = (regex: RegExp, html: (m: RegExpExecArray) => string) => {
    for (const m of joined.matchAll(regex)) {
      const start = m.index - tail.length;
      const end = start + m[0].length;
      if (start < 0 || hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ start, end, html: html(m) });
    }
  };
  add(HOTLINE, (m) => telLink(`${m[1]}${m[2]}${m[3]}`, `${m[1]} ${m[2]}${m[3]}`));
  add(PHONE, (m) => telLink(`${m[1]}${m[2]}${m[3]}`, `${m[1]} ${m[2]} ${m[3]}`));
  add(EMERGENCY, (m) => telLink(m[1]!, m[1]!));
  add(SMS, (m) => `<a class="app-tel" href="sms:${m[1]}">${m[1]}</a>`);
  hits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + hit.html;
    at = hit.end;
  }
  return out + text.slice(at);
}

/** Turns the phone numbers and SMS codes of a rendered passage into `tel:`/`sms:` links. */
export function linkPhones(html: string): string {
  return rewriteText(html, linkRun);
}

/** A plain-text line (a guide's summary) as HTML with its phone numbers and SMS codes linked. */
export function plainTextWithPhones(text: string): string {
  return linkPhones(escapeHtml(text));
}
