import { describe, expect, it } from 'vitest';
import { glossarySchema } from '../../src/lib/schemas/glossary.ts';
import { contentProblems } from '../support/content-checks.ts';
import { readGuideFiles, readJson } from '../support/content.ts';

/**
 * Content checks over every guide in content/guides (issue 15 point 5): each cites a source and
 * lists what to prepare, no alternative is numbered as a sequential step ("Hoặc …"), no internal
 * wording reaches citizens, and every phone number is printed as a tel: link.
 */
const glossary = glossarySchema.parse(readJson('glossary.json'));
const guides = readGuideFiles();

describe('content checks', () => {
  it.each(guides.map((g) => [g.file, g] as const))('%s passes', (_file, guide) => {
    expect(contentProblems(guide.frontmatter, guide.body, glossary)).toEqual([]);
  });
});

describe('the content checks themselves', () => {
  const step = (title: string, body = 'Làm theo hướng dẫn trên màn hình.') => ({ title, body });
  const good = {
    title: 'Lấy lại mật khẩu VssID',
    summary: 'Lấy lại mật khẩu VssID khi quên, gọi 1900 9068 nếu cần.',
    platform: 'vssid',
    code: 'zz1',
    tasks: ['Lấy lại mật khẩu'],
    audience: 'Người có tài khoản VssID',
    prerequisites: ['Mã số BHXH'],
    minutes: 5,
    steps: [step('Mở VssID'), step('Bấm "Quên mật khẩu"')],
    reviewed: { date: '2026-11-28', against: 'Ghi chú nghiên cứu của dự án (chỉ cho người bảo trì)' },
    sources: [{ title: 'Nguồn', url: 'https://example.vn/' }],
  };

  it('pass a good guide (internal notes in reviewed.against are for maintainers, never printed)', () => {
    expect(contentProblems(good, 'Gửi đến 8079 hoặc gọi 1900 0368.', glossary)).toEqual([]);
  });

  it.each([
    ['no source', { ...good, sources: [] }, 'sources: cites no source'],
    ['no prerequisites', { ...good, prerequisites: [] }, 'prerequisites: none'],
    ['a "Hoặc" step', { ...good, steps: [...good.steps, step('Hoặc gọi tổng đài')] }, 'step 3 title starts with "Hoặc"'],
    ['a "Hoặc" body', { ...good, steps: [...good.steps, step('Gọi tổng đài', '**Hoặc** gọi tổng đài BHXH.')] }, 'step 3 body starts with "Hoặc"'],
    ['internal wording', { ...good, steps: [step('Mở VssID', 'Tên nút dự án chưa kiểm chứng.'), good.steps[1]] }, 'internal wording: "dự án chưa kiểm chứng"'],
    ['a phone number in the title', { ...good, title: 'Gọi 1900 9068 khi quên mật khẩu' }, 'phone number not rendered as a tel: link: 1900 9068'],
    ['a phone number the renderer misses', { ...good, steps: [step('Gọi tổng đài', 'Gọi số +84 912 345 678 ngay.'), good.steps[1]] }, 'phone number not rendered as a tel: link'],
  ])('fail on %s', (_label, guide, expected) => {
    expect(contentProblems(guide, '', glossary).join('\n')).toContain(expected);
  });
});
