import { t } from '../../lib/i18n/team';
import { formatPhone } from '../../lib/domain/phone';
import type { RequestDetail } from '../../lib/api/team';
import { phoneToCall } from '../../lib/team/request-actions';

/**
 * Who to call and how: the erasure notice, then the contact details for whoever must call (a big
 * tel: link, the person, address, GPS, description, the verification word to say), or why they are
 * hidden. The server sends them only to that person (app.can_see_contact).
 */
export default function ContactDetails({ detail }: { detail: RequestDetail }) {
  const contact = detail.contact;
  const callPhone = phoneToCall(detail);
  return (
    <>
      {/* The citizen asked for erasure while the team works on it (erased when it is closed). */}
      {detail.erase_requested && (
        <div className="app-team__warning" data-testid="erase-requested">
          <h3 className="app-team__warning-title">{t('team.detail.eraseTitle')}</h3>
          <p>{t('team.detail.eraseBody')}</p>
        </div>
      )}
      {detail.personal_data_erased && <p className="app-panel">{t('team.detail.erased')}</p>}

      {contact ? (
        <div className="app-panel app-team__contact" aria-labelledby="tw-contact-title">
          <h3 id="tw-contact-title">{t('team.detail.contact')}</h3>
          {detail.on_behalf && contact.helper_name && <p>{t('team.detail.onBehalf', { name: contact.helper_name })}</p>}
          {callPhone && (
            <p>
              <a className="app-button app-team__call" href={`tel:${callPhone}`} data-testid="call-link">
                {t('team.detail.call', { phone: formatPhone(callPhone) })}
              </a>
            </p>
          )}
          {contact.name && <p>{t('team.detail.person', { name: contact.name })}</p>}
          {detail.on_behalf && contact.phone && (
            <p>
              {t('team.detail.personPhone')} <a href={`tel:${contact.phone}`}>{formatPhone(contact.phone)}</a>
            </p>
          )}
          {contact.address && (
            <p>
              {t('team.detail.address')} {contact.address}
            </p>
          )}
          {contact.gps && <p>{t('team.detail.gps', { lat: contact.gps.lat, lon: contact.gps.lon })}</p>}
          {contact.description && (
            <p className="app-team__pre">
              {t('team.detail.description')} {contact.description}
            </p>
          )}
          <p className="app-team__word">
            {t('team.detail.word')} <strong data-testid="verification-word">{contact.verification_word}</strong>
          </p>
          <p className="app-team__hint">{t('team.detail.wordHint')}</p>
        </div>
      ) : (
        (detail.status === 'assigned' || detail.status === 'accepted') && (
          <p className="app-panel">
            {detail.status === 'accepted' && detail.accepted_by && !detail.accepted_by.me
              ? t('team.detail.contactHiddenOther', { name: detail.accepted_by.name })
              : t('team.detail.contactHidden')}
          </p>
        )
      )}
    </>
  );
}
