import { useMemo, useRef } from 'react';
import './CommunePicker.css';
import { t } from '../../lib/i18n/booking';
import { createCommuneSearch, type CommuneChoice } from '../../lib/booking/communes';
import Field from '../shared/Field';

interface Props {
  communes: CommuneChoice[];
  /** Code of the chosen commune, or null. */
  value: string | null;
  onChange(code: string | null): void;
  /** Id of the search input, and of the chosen commune's line (the error summary links to it). */
  inputId: string;
  /** Vietnamese error message to show next to the field. */
  error?: string;
  /** What is typed in the box (kept by the form, which accepts a name typed but not tapped). */
  query: string;
  onQueryChange(query: string): void;
  disabled?: boolean;
}

/** How many matches to show under the input. */
const MAX_RESULTS = 8;

/**
 * Chooses one of the 54 commune-level units by typing part of its name, with or without
 * diacritics, or a former unit's name. Results are plain buttons under the input (no ARIA
 * combobox: buttons work the same with touch, keyboard and every screen reader), and their count
 * is announced politely as they change.
 */
export default function CommunePicker({ communes, value, onChange, inputId, error, disabled, query, onQueryChange: setQuery }: Props) {
  const changeRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useMemo(() => createCommuneSearch(communes), [communes]);
  const results = useMemo(() => (query.trim() ? search(query, MAX_RESULTS) : []), [search, query]);
  const selected = value ? communes.find((c) => c.code === value) : undefined;
  const statusId = `${inputId}-status`;

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
    <Field
      id={inputId}
      label={t('booking.commune.label')}
      hint={t('booking.commune.hint')}
      error={error}
      describedBy={selected ? undefined : statusId}
    >
      {(control) =>
        selected ? (
          <div className="app-commune__chosen">
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
              {...control}
              ref={inputRef}
              className="app-input"
              type="text"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              disabled={disabled}
              onKeyDown={(event) => {
                // Enter picks the first result instead of submitting the form half-filled.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  if (results[0]) choose(results[0]);
                }
              }}
            />
            <p className="app-field__hint" id={statusId} role="status" aria-live="polite">
              {query.trim()
                ? results.length
                  ? t('booking.commune.results', { count: results.length })
                  : t('booking.commune.none')
                : ''}
            </p>
            {results.length > 0 && <Results results={results} onChoose={choose} />}
          </>
        )
      }
    </Field>
  );
}

/** The matches as buttons, each with the former units merged into it. */
function Results({ results, onChoose }: { results: CommuneChoice[]; onChoose(commune: CommuneChoice): void }) {
  return (
    <ul className="app-commune__results">
      {results.map((commune) => (
        <li key={commune.code}>
          <button type="button" className="app-commune__result" onClick={() => onChoose(commune)}>
            <span className="app-commune__result-name">{commune.name}</span>
            {commune.formerUnits.length > 1 && (
              <span className="app-commune__result-former">
                {t('booking.commune.formerly', { units: commune.formerUnits.join(', ') })}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
