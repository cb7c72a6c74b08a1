import { useId, useMemo, useRef, useState } from 'react';
import { t } from '../lib/i18n/booking';
import { createCommuneSearch, type CommuneChoice } from '../lib/booking/communes';

interface Props {
  communes: CommuneChoice[];
  /** Code of the chosen commune, or null. */
  value: string | null;
  onChange(code: string | null): void;
  /** Id of the search input (the error summary links to it). */
  inputId: string;
  /** Vietnamese error message to show next to the field. */
  error?: string;
  disabled?: boolean;
}

/**
 * Chooses one of the 54 commune-level units by typing part of its name, with or without
 * diacritics, or a former unit's name. Results are plain buttons under the input (no ARIA
 * combobox: buttons work the same with touch, keyboard and every screen reader), and their count
 * is announced politely as they change.
 */
export default function BookingCommunePicker({ communes, value, onChange, inputId, error, disabled }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const changeRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useMemo(() => createCommuneSearch(communes), [communes]);
  const results = useMemo(() => (query.trim() ? search(query, 8) : []), [search, query]);
  const selected = value ? communes.find((c) => c.code === value) : undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;

  function choose(commune: CommuneChoice) {
    onChange(commune.code);
    setQuery('');
    // Focus moves to the choice just made, so keyboard and screen-reader users hear it.
    requestAnimationFrame(() => changeRef.current?.focus());
  }

  function clear() {
    onChange(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  return (
    <div className={`app-booking__field${error ? ' app-booking__field--error' : ''}`}>
      <label className="app-booking__label" htmlFor={inputId}>
        {t('booking.commune.label')}
      </label>
      <p className="app-booking__hint" id={hintId}>
        {t('booking.commune.hint')}
      </p>
      {error && (
        <p className="app-booking__error" id={errorId}>
          {error}
        </p>
      )}
      {selected ? (
        <div className="app-booking__chosen">
          <p id={inputId} tabIndex={-1}>
            {t('booking.commune.selected', { name: selected.name })}
          </p>
          <button
            ref={changeRef}
            type="button"
            className="app-button app-button--secondary"
            onClick={clear}
            disabled={disabled}
          >
            {t('booking.commune.change')}
          </button>
        </div>
      ) : (
        <>
          <input
            ref={inputRef}
            id={inputId}
            className="app-input"
            type="text"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={`${hintId}${error ? ` ${errorId}` : ''} ${statusId}`}
            aria-invalid={error ? true : undefined}
            disabled={disabled}
            onKeyDown={(event) => {
              // Enter picks the first result instead of submitting the form half-filled.
              if (event.key === 'Enter') {
                event.preventDefault();
                if (results[0]) choose(results[0]);
              }
            }}
          />
          <p className="app-booking__hint" id={statusId} role="status" aria-live="polite">
            {query.trim()
              ? results.length
                ? t('booking.commune.results', { count: results.length })
                : t('booking.commune.none')
              : ''}
          </p>
          {results.length > 0 && (
            <ul className="app-booking__results">
              {results.map((commune) => (
                <li key={commune.code}>
                  <button type="button" className="app-booking__result" onClick={() => choose(commune)}>
                    <span className="app-booking__result-name">{commune.name}</span>
                    {commune.formerUnits.length > 1 && (
                      <span className="app-booking__result-former">
                        {t('booking.commune.formerly', { units: commune.formerUnits.join(', ') })}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
