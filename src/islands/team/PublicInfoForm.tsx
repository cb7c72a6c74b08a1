import { useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/sessions';
import type { TeamHelpSessions } from '../../lib/api/sessions';
import { communePath } from '../../lib/content/paths';
import { formatPhone } from '../../lib/domain/phone';
import { sessionErrorText } from '../../lib/sessions/errors';
import { teamPosterPath } from '../../lib/posters/team-poster';
import Field from '../shared/Field';
import TextField from '../shared/TextField';
import type { FlashState } from '../shared/Flash';
import type { HelpSessionsState } from './useHelpSessions';

interface Props {
  data: TeamHelpSessions;
  state: HelpSessionsState;
  flash: FlashState;
}

/**
 * The team's public phone and whether the team shows on the pages of its communes; then the links
 * to that page and to the team's poster and sticker (printable once the team is listed: a poster
 * prints exactly what citizens see).
 */
export default function PublicInfoForm({ data, state, flash }: Props) {
  const { team, can_change: canChange } = data;
  const [phone, setPhone] = useState(team.public_phone ? formatPhone(team.public_phone) : '');
  const [listing, setListing] = useState(team.public_listing);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await state.savePublic(phone, listing);
    if (!answer) return;
    if (!answer.ok) {
      setError(sessionErrorText(answer.code));
      return;
    }
    setError(null);
    flash.show(t('sessions.public.saved'));
  }

  const listed = team.public_listing && team.public_phone !== null;
  return (
    <>
      <form className="app-team__panel" onSubmit={submit} noValidate aria-labelledby="tw-public-title">
        <h3 id="tw-public-title">{t('sessions.public.title')}</h3>
        {!listed && <p className="app-notice">{t('sessions.public.notListed')}</p>}
        <TextField
          id="tw-public-phone"
          label={t('sessions.public.phone')}
          hint={t('sessions.public.phoneHint')}
          error={error}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={20}
          value={phone}
          onChange={setPhone}
          disabled={!canChange}
        />
        <Field id="tw-public-listing">
          {(control) => (
            <label className="app-sessions__check">
              <input {...control} type="checkbox" checked={listing} disabled={!canChange} onChange={(event) => setListing(event.target.checked)} />{' '}
              {t('sessions.public.listing')}
            </label>
          )}
        </Field>
        {canChange && (
          <div className="app-team__row">
            <button type="submit" className="app-button" aria-disabled={state.busy || undefined}>
              {t('sessions.public.save')}
            </button>
          </div>
        )}
        <p>
          <a href={communePath(team.commune.slug)}>{t('sessions.public.pageLink', { commune: team.commune.name })}</a>
        </p>
      </form>
      <section className="app-team__panel" aria-labelledby="tw-poster-title">
        <h3 id="tw-poster-title">{t('sessions.poster.title')}</h3>
        <p>{t('sessions.poster.body')}</p>
        {listed ? (
          <div className="app-team__row">
            <a className="app-button" href={teamPosterPath(team.commune.slug, team.code, 'a4')} target="_blank" rel="noopener">
              {t('sessions.poster.a4')}
            </a>
            <a className="app-button app-button--secondary" href={teamPosterPath(team.commune.slug, team.code, 'a6')} target="_blank" rel="noopener">
              {t('sessions.poster.a6')}
            </a>
          </div>
        ) : (
          <p className="app-team__hint">{t('sessions.poster.needListing')}</p>
        )}
      </section>
    </>
  );
}
