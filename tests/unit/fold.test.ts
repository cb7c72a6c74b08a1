import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/lib/text/fold.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký tài khoản VssID', 'dang ky tai khoan vssid'],
    ['Quên mật khẩu', 'quen mat khau'],
    ['Nộp thuế đất', 'nop thue dat'],
    ['Phường Hạ Long', 'phuong ha long'],
    ['Đặc khu Cô Tô', 'dac khu co to'],
    ['  Hòa / Hoà  ', 'hoa hoa'],
    ['Móng Cái 1', 'mong cai 1'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('treats precomposed and decomposed input the same', () => {
    expect(foldVietnamese('Hạ'.normalize('NFD'))).toBe(foldVietnamese('Hạ'.normalize('NFC')));
  });
});
