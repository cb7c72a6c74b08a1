import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { t } from '../../lib/i18n/forms';
import './form.css';

/** One problem in the summary: its message and the id of the element to go to. */
export interface ErrorSummaryItem {
  /** Id of the field's control (or of the first control of a group). */
  id: string;
  message: string;
}

interface ErrorSummaryProps {
  /** Problems of fields, in the order the fields appear; each links to its field. */
  items?: readonly ErrorSummaryItem[];
  /** A problem of the whole form (no field to go to), listed first without a link. */
  message?: string | null;
  /**
   * The heading, "Có thông tin cần sửa" when left out. `null` leaves the heading out: the box is
   * then a plain alert for one message (e.g. "not found" after a look-up).
   */
  title?: string | null;
  /**
   * Level of the heading: one below the heading of what holds the form (2 at the top of a page's
   * form, 4 in a form titled by an h3), so the page's outline stays in order.
   */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /**
   * The box takes focus when it appears and again whenever this value changes while it shows:
   * pass a counter of submits so that a second failed submit with the same problems focuses it too.
   */
  focusKey?: unknown;
}

/** Scrolls a field into view and focuses it (the summary's links). */
function goTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  const target = document.getElementById(id);
  // Centred, so the label and hint above the control stay in view too.
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

/**
 * GOV.UK's error summary: a red box at the top of the form, focused when it appears, so keyboard
 * and screen-reader users land on it; one link per problem, which moves to the field. Renders
 * nothing while there is no problem, so a form can always render it.
 */
export default function ErrorSummary({ items = [], message, title, headingLevel = 2, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const visible = items.length > 0 || !!message;
  const heading = title === undefined ? t('form.errorSummary.title') : title;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);

  if (!visible) return null;
  const Heading = `h${headingLevel}` as const;
  const links = items.map(({ id, message: text }) => (
    <a href={`#${id}`} onClick={(event) => goTo(event, id)}>
      {text}
    </a>
  ));
  return (
    <div className="app-error-summary" ref={ref} tabIndex={-1} aria-labelledby={heading ? titleId : undefined}>
      {/* role="alert" sits on a child so that moving focus to the box and the announcement do not
          race (GOV.UK error summary; NVDA otherwise may read only one of them). */}
      <div role="alert">
        {heading && (
          <Heading id={titleId} className="app-error-summary__title">
            {heading}
          </Heading>
        )}
        {!heading && links.length + (message ? 1 : 0) === 1 ? (
          // A plain alert with one problem: a sentence, not a list of one.
          <p>{message || links[0]}</p>
        ) : (
          <ul>
            {message && <li>{message}</li>}
            {links.map((link, index) => (
              <li key={items[index].id}>{link}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
