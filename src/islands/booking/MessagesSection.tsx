import { t, type MessageKey } from '../../lib/i18n/booking';
import { MESSAGE_CHANNELS, type MessageChannel } from '../../lib/schemas/help-request';
import Field from '../shared/Field';
import { OTHER_INPUT_IDS, type SectionProps } from './fields';

const CHANNEL_LABELS: Record<MessageChannel, MessageKey> = {
  sms: 'booking.messages.channel.sms',
  zalo: 'booking.messages.channel.zalo',
};

/**
 * Messages about the request (never pre-ticked): the code and verification word at once, then when
 * a volunteer accepts and when it is done, by SMS or Zalo. The sentence under the box is the
 * consent to them; the request stores the channel with the consent version.
 */
export default function MessagesSection({ values, set }: SectionProps) {
  return (
    <>
      <Field id={OTHER_INPUT_IDS.messages} hint={t('booking.messages.consent')} hintClassName="app-booking__notice-text">
        {(control) => (
          <div className="app-check">
            <input
              {...control}
              type="checkbox"
              checked={values.messages}
              onChange={(event) => set('messages', event.target.checked)}
            />
            <label htmlFor={control.id}>{t('booking.messages.label')}</label>
          </div>
        )}
      </Field>
      {values.messages && (
        <Field id="bk-message-channel" group label={t('booking.messages.channel.legend')}>
          {MESSAGE_CHANNELS.map((channel) => (
            <div className="app-check" key={channel}>
              <input
                id={`bk-message-${channel}`}
                type="radio"
                name="message_channel"
                checked={values.messageChannel === channel}
                onChange={() => set('messageChannel', channel)}
              />
              <label htmlFor={`bk-message-${channel}`}>{t(CHANNEL_LABELS[channel])}</label>
            </div>
          ))}
        </Field>
      )}
    </>
  );
}
