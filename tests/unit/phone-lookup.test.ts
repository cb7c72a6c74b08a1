import { describe, expect, it } from 'vitest';
import { checkCode, checkPhone, phoneLookupProblem } from '../../src/lib/status/phone-lookup.ts';

describe('"Quên mã? Tìm bằng số điện thoại"', () => {
  it('checks the phone and the 6-digit code before asking', () => {
    expect(checkPhone('+84 912 345 678')).toBe('0912345678');
    expect(checkPhone('12345')).toBeNull();
    expect(checkCode(' 123 456 ')).toBe('123456');
    expect(checkCode('12345')).toBeNull();
    expect(checkCode('abcdef')).toBeNull();
  });

  it('puts each answer code where the citizen can act on it, in words', () => {
    expect(phoneLookupProblem('send', 'phone_invalid')).toEqual({ field: 'phone', message: 'Nhập số điện thoại đúng, ví dụ 0912 345 678' });
    expect(phoneLookupProblem('lookup', 'code_wrong').field).toBe('code');
    expect(phoneLookupProblem('send', 'rate_limited').message).toContain('3 mã mỗi ngày');
    expect(phoneLookupProblem('lookup', 'rate_limited').message).toContain('thử quá nhiều lần');
    expect(phoneLookupProblem('send', 'network')).toEqual({ message: 'Chưa kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.' });
  });
});
