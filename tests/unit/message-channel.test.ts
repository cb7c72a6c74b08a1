import { describe, expect, it } from 'vitest';
import { helpRequestSchema } from '../../src/lib/schemas/help-request.ts';
import { validPayload } from '../support/help-requests.ts';

/** The booking's optional message_channel (issue 13): SMS or Zalo, absent = no messages. */
describe('message_channel', () => {
  it('is absent from the output when the citizen did not choose messages', () => {
    expect('message_channel' in helpRequestSchema.parse(validPayload())).toBe(false);
    expect('message_channel' in helpRequestSchema.parse(validPayload({ message_channel: null }))).toBe(false);
  });

  it('keeps sms or zalo', () => {
    expect(helpRequestSchema.parse(validPayload({ message_channel: 'sms' })).message_channel).toBe('sms');
    expect(helpRequestSchema.parse(validPayload({ message_channel: 'zalo' })).message_channel).toBe('zalo');
  });

  it('refuses anything else with message_channel_invalid', () => {
    const result = helpRequestSchema.safeParse(validPayload({ message_channel: 'fax' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('message_channel_invalid');
  });
});
