import { describe, expect, it } from 'vitest';
import { checkBooking } from '../../src/lib/booking/form-errors.ts';
import { EMPTY_VALUES, fromPayload, type BookingValues } from '../../src/lib/booking/form-values.ts';

/** The booking form's opt-in to messages (SMS or Zalo): off by default, sent only when ticked. */
const KEY = '7b0c1e4e-9a4f-4c8e-8f1e-0c8b7e2d9a11';
const filled: BookingValues = {
  ...EMPTY_VALUES,
  phone: '0912 345 678',
  name: 'Nguyễn Thị Mai',
  communeCode: '06688',
  needs: ['vssid'],
  consent: true,
};

function payloadOf(values: BookingValues) {
  const checked = checkBooking(values, KEY);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.payload;
}

describe('messages to the citizen', () => {
  it('are off unless the box is ticked, whatever channel is chosen', () => {
    expect(EMPTY_VALUES.messages).toBe(false);
    expect(payloadOf(filled)).not.toHaveProperty('message_channel');
    expect(payloadOf({ ...filled, messageChannel: 'zalo' })).not.toHaveProperty('message_channel');
  });

  it('send the chosen channel, and come back after a reload', () => {
    for (const channel of ['sms', 'zalo'] as const) {
      const payload = payloadOf({ ...filled, messages: true, messageChannel: channel });
      expect(payload.message_channel).toBe(channel);
      expect(fromPayload(payload)).toMatchObject({ messages: true, messageChannel: channel });
    }
    expect(fromPayload(payloadOf(filled))).toMatchObject({ messages: false, messageChannel: 'sms' });
  });
});
