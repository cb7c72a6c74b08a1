import { describe, expect, it } from 'vitest';
import { linkPhones } from '../../src/lib/content/phone-links.ts';
import { PageGlossary } from '../../src/lib/content/glossary.ts';
import { guideLayout } from '../../src/lib/content/guide-steps.ts';
import { guideView } from '../../src/lib/content/guide-view.ts';
import { inlineMarkdown } from '../../src/lib/content/markdown.ts';
import { glossarySchema } from '../../src/lib/schemas/glossary.ts';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import { readJson } from '../support/content.ts';

const render = (markdown: string) => linkPhones(inlineMarkdown(markdown));

describe('phone numbers and SMS codes become links, read in groups', () => {
  it('links a hotline written in any grouping, shown 4 + 4', () => {
    expect(render('Gọi tổng đài 1900 9068 để hỏi.')).toBe(
      'Gọi tổng đài <a class="app-tel" href="tel:19009068">1900 9068</a> để hỏi.',
    );
    expect(render('Gọi 19000368 hoặc 1900.0368 hoặc 1900-0368')).toBe(
      'Gọi <a class="app-tel" href="tel:19000368">1900 0368</a> hoặc <a class="app-tel" href="tel:19000368">1900 0368</a> hoặc <a class="app-tel" href="tel:19000368">1900 0368</a>',
    );
  });

  it('links inside bold text and keeps the emphasis', () => {
    expect(render('Gọi **1900 9068** ngay')).toBe(
      'Gọi <strong><a class="app-tel" href="tel:19009068">1900 9068</a></strong> ngay',
    );
  });

  it('links an SMS short code after the words that send it, even across bold', () => {
    expect(render('soạn tin BH MK gửi đến **8079**.')).toBe(
      'soạn tin BH MK gửi đến <strong><a class="app-tel" href="sms:8079">8079</a></strong>.',
    );
    expect(render('Nhắn tin 8079 không được')).toBe('Nhắn tin <a class="app-tel" href="sms:8079">8079</a> không được');
    expect(render('gửi đến 8079.')).toBe('gửi đến <a class="app-tel" href="sms:8079">8079</a>.');
  });

  it('groups a mobile number 4 + 3 + 3', () => {
    expect(render('Số lạ 0912345678 gọi đến')).toBe(
      'Số lạ <a class="app-tel" href="tel:0912345678">0912 345 678</a> gọi đến',
    );
  });

  it('leaves years, amounts, dates, URLs and existing links alone', () => {
    const text = 'Từ 1/7/2025, gửi 100.000 đồng, gửi 2000 đồng, năm 1900 và 2025';
    expect(render(text)).toBe(text);
    expect(render('Xem https://example.vn/?id=19009068')).not.toContain('tel:');
    expect(linkPhones('<a href="tel:19009068">1900 9068</a>')).toBe('<a href="tel:19009068">1900 9068</a>');
  });

  it('links emergency numbers only after "gọi" or "số"', () => {
    expect(render('gọi 113 ngay')).toBe('gọi <a class="app-tel" href="tel:113">113</a> ngay');
    expect(render('có 113 người')).toBe('có 113 người');
  });
});

const glossary = glossarySchema.parse(readJson('glossary.json'));

describe('glossary', () => {
  it('content/glossary.json holds the terms the issue names', () => {
    const terms = glossary.map((term) => term.term);
    for (const term of ['NFC', 'OTP', 'mã xác thực', 'passcode', 'CCCD gắn chip', 'tích hợp', 'chứng từ', '.APK', 'VietQR']) {
      expect(terms).toContain(term);
    }
  });

  it('links only the first use of a term on the page, case ignored, not inside words or links', () => {
    const page = new PageGlossary(glossary);
    const first = page.link('Bật NFC rồi áp thẻ CCCD gắn chip', 'buoc-1');
    expect(first).toBe(
      `Bật <a class="app-term" href="#tu-nfc" title="${glossary.find((t) => t.id === 'nfc')!.meaning}">NFC</a> rồi áp thẻ ` +
        `<a class="app-term" href="#tu-cccd-gan-chip" title="${glossary.find((t) => t.id === 'cccd-gan-chip')!.meaning}">CCCD gắn chip</a>`,
    );
    expect(page.link('Bật nfc lần nữa', 'buoc-2')).toBe('Bật nfc lần nữa');
    expect(page.link('<a href="/x">mã OTP</a> và OTPX và https://vietqr.io')).not.toContain('app-term');
    expect(page.used().map((u) => [u.term.id, u.backTo])).toEqual([
      ['nfc', 'buoc-1'],
      ['cccd-gan-chip', 'buoc-1'],
    ]);
  });
});

const step = (title: string) => ({ title, body: 'Làm theo màn hình.', key: false });

describe('guide steps and ways', () => {
  const guide = guideSchema.parse({
    title: 'Quên mật khẩu VssID',
    summary: 'Lấy lại mật khẩu VssID theo một trong ba cách.',
    platform: 'vssid',
    code: 'vs4',
    tasks: ['Lấy lại mật khẩu'],
    audience: 'Người có tài khoản',
    prerequisites: ['Mã số BHXH'],
    minutes: 10,
    steps: [step('Mở ứng dụng VssID')],
    ways: [
      { title: 'Qua email', when: 'Tài khoản đã đăng ký email', steps: [step('Nhập email'), step('Nhập mã OTP')] },
      { title: 'Nhắn tin', steps: [step('Soạn tin BH MK gửi đến 8079')] },
    ],
    reviewed: { date: '2026-11-28', against: 'ghi chú' },
    sources: [{ title: 'Nguồn', url: 'https://example.vn/' }],
  });

  it('numbers each way from 1 and gives every step one position in reading order', () => {
    const layout = guideLayout(guide);
    expect(layout.common.map((s) => [s.number, s.position])).toEqual([[1, 1]]);
    expect(layout.ways.map((w) => w.steps.map((s) => [s.number, s.position]))).toEqual([
      [[1, 2], [2, 3]],
      [[1, 4]],
    ]);
  });

  it('renders step titles with phone links and anchors by position', () => {
    const view = guideView(guide, 'Cần điện thoại có NFC. Bật NFC.', glossary);
    expect(view.ways[1]!.steps[0]!.anchor).toBe('buoc-4');
    expect(view.ways[1]!.steps[0]!.titleHtml).toContain('href="sms:8079"');
    expect(view.terms.map((t) => t.term.id)).toEqual(['nfc']); // titles ("Nhập mã OTP") get no glossary link
    expect(view.introHtml.match(/app-term/g)).toHaveLength(1);
  });

  it('rejects fewer than two steps and ways together, and a single way', () => {
    const base = { ...guide, reviewed: { date: '2026-11-28', against: 'ghi chú' } };
    expect(guideSchema.safeParse({ ...base, steps: [step('Mở')], ways: undefined }).success).toBe(false);
    expect(guideSchema.safeParse({ ...base, ways: [guide.ways![0]] }).success).toBe(false);
    expect(guideSchema.safeParse({ ...base, steps: [] }).success).toBe(true);
  });
});
