import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import { splitFrontmatter } from '../support/content.ts';

const fixture = (name: string) =>
  splitFrontmatter(readFileSync(fileURLToPath(new URL(`./fixtures/broken-guides/${name}`, import.meta.url)), 'utf8'))
    .frontmatter;

/** Every failing field as "path: message", the way the build reports it. */
function problems(input: unknown): string[] {
  const result = guideSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('guide schema on broken content', () => {
  it('names a guide without enough steps', () => {
    expect(problems(fixture('no-steps.md'))).toEqual(['steps: Cần ít nhất 2 bước, hoặc các bước chung cộng các cách (ways) từ 2 trở lên']);
  });

  it('names every bad field, including nested ones', () => {
    const found = problems(fixture('bad-fields.md'));
    const paths = found.map((line) => line.split(':')[0]).sort();
    expect(paths).toEqual(['code', 'minutes', 'platform', 'prerequisites', 'sources.0.url', 'steps.1.image.alt']);
    expect(found.find((line) => line.startsWith('code'))).toBe(
      'code: Mã ngắn chỉ gồm 2–8 chữ thường không dấu hoặc chữ số',
    );
  });

  it('applies defaults so pages never see missing lists', () => {
    const minimal = guideSchema.parse({
      title: 'Hướng dẫn tối thiểu',
      summary: 'Chỉ có những trường bắt buộc để kiểm tra giá trị mặc định.',
      platform: 'vneid',
      code: 'zz9',
      tasks: ['kiểm thử'],
      audience: 'Người kiểm thử',
      prerequisites: ['Điện thoại'],
      minutes: 3,
      steps: [
        { title: 'Bước một', body: 'Làm việc thứ nhất.' },
        { title: 'Bước hai', body: 'Làm việc thứ hai.' },
      ],
      reviewed: { date: '2026-11-28', against: 'ghi chú nghiên cứu' },
      sources: [{ title: 'Nguồn', url: 'https://example.org' }],
    });
    expect(minimal.aliases).toEqual([]);
    expect(minimal.popular).toBe(false);
    expect(minimal.steps[0].key).toBe(false);
    expect(minimal.reviewed.checkedLive).toBe(false);
    expect(minimal.reviewed.date).toBeInstanceOf(Date);
  });
});
