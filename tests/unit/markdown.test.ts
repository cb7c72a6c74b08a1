import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../../src/lib/content/markdown.ts';

describe('inlineMarkdown()', () => {
  it('renders emphasis inline, without wrapping the passage in a paragraph', () => {
    expect(inlineMarkdown('Bấm **Quên mật khẩu** rồi nhập *mã OTP*')).toBe(
      'Bấm <strong>Quên mật khẩu</strong> rồi nhập <em>mã OTP</em>',
    );
  });
});
