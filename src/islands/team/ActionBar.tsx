import { useRef, useState } from 'react';
import { t } from '../../lib/i18n/team';
import type { RequestAction } from '../../lib/domain/team-vocabulary';
import { ACTION_LABELS } from '../../lib/team/labels';
import type { Panel } from '../../lib/team/request-actions';

interface Props {
  /** Everything the server allows now. */
  actions: readonly RequestAction[];
  /** The big button (lib/team/request-actions primaryAction). */
  primary: RequestAction | null;
  /** The others: behind "Thao tác khác" when there is a primary, else side by side. */
  secondary: Panel[];
  busy: boolean;
  onAccept(): void;
  onOpen(panel: Panel): void;
}

/**
 * One row stuck to the bottom of the screen: the main action, and the others behind "Thao tác khác"
 * (shown above the bar), so the bar never hides much of a small screen.
 */
export default function ActionBar({ actions, primary, secondary, busy, onAccept, onOpen }: Props) {
  const [moreOpen, setMoreOpen] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      {moreOpen && primary && secondary.length > 0 && (
        <div className="app-team__more" role="group" aria-label={t('team.action.more')}>
          {secondary.map((a, index) => (
            <button
              key={a}
              ref={index === 0 ? moreRef : undefined}
              type="button"
              className="app-button app-button--secondary"
              onClick={() => onOpen(a)}
            >
              {t(ACTION_LABELS[a])}
            </button>
          ))}
        </div>
      )}

      {actions.length > 0 && (
        <div className="app-team__actions" role="group" aria-label={t('team.action.bar')}>
          {primary ? (
            <>
              <button
                type="button"
                className="app-button app-team__primary"
                aria-disabled={busy || undefined}
                onClick={() => (primary === 'accept' ? onAccept() : onOpen(primary))}
              >
                {busy && primary === 'accept' ? t('team.action.busy') : t(ACTION_LABELS[primary])}
              </button>
              {secondary.length > 0 && (
                <button
                  type="button"
                  className="app-button app-button--secondary app-team__more-toggle"
                  aria-expanded={moreOpen}
                  onClick={() => {
                    setMoreOpen(!moreOpen);
                    if (!moreOpen) requestAnimationFrame(() => moreRef.current?.focus());
                  }}
                >
                  {t('team.action.more')}
                </button>
              )}
            </>
          ) : (
            secondary.map((a) => (
              <button key={a} type="button" className="app-button app-button--secondary" onClick={() => onOpen(a)}>
                {t(ACTION_LABELS[a])}
              </button>
            ))
          )}
        </div>
      )}
    </>
  );
}
