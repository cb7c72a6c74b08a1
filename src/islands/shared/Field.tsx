import type { ReactNode } from 'react';
import { t } from '../../lib/i18n/forms';
import './form.css';

/** What a field hands its control: spread it on the input, select, textarea or picker. */
export interface FieldControlProps {
  id: string;
  /** The hint, the error message (when there is one) and any `describedBy` ids. */
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  /**
   * Id of the control: the label points to it and the error summary links to it. The hint and the
   * error message get `<id>-hint` and `<id>-error`. For a group (`group`), the id of the fieldset
   * (focusable, so a summary link still lands somewhere while the group has no control yet) and the
   * base of those ids.
   */
  id: string;
  /** The label above the control (the legend of a group); left out when a button labels itself. */
  label?: ReactNode;
  /** A fieldset with a legend, for radios and checkboxes, instead of a label. */
  group?: boolean;
  hint?: ReactNode;
  /** Extra classes for the hint (text that must not look muted, such as a privacy notice). */
  hintClassName?: string;
  /** The message shown above the control; the field turns red while there is one. */
  error?: string | null;
  /** Ids of other text describing the control (a character count, a live status line). */
  describedBy?: string;
  /** The control, or a function that receives the props that wire it to label, hint and error. */
  children: ReactNode | ((control: FieldControlProps) => ReactNode);
}

/** The ids a field's control is described by, in reading order (hint, error, the rest). */
export function describedByIds(id: string, has: { hint: boolean; error: boolean; extra?: string }): string | undefined {
  return [has.hint && `${id}-hint`, has.error && `${id}-error`, has.extra].filter(Boolean).join(' ') || undefined;
}

/**
 * One form field in GOV.UK's order: label, hint, error message, control. The error message has an
 * id the control is described by, and a hidden prefix so that screen readers say it is an error.
 */
export default function Field({ id, label, group, hint, hintClassName, error, describedBy, children }: FieldProps) {
  const hasHint = hint !== undefined && hint !== null && hint !== false;
  const control: FieldControlProps = {
    id,
    'aria-describedby': describedByIds(id, { hint: hasHint, error: !!error, extra: describedBy }),
    'aria-invalid': error ? true : undefined,
  };
  const body = (
    <>
      {hasHint && (
        <p className={hintClassName ? `app-field__hint ${hintClassName}` : 'app-field__hint'} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="app-field__error" id={`${id}-error`}>
          <span className="app-visually-hidden">{t('form.error.prefix')}: </span>
          {error}
        </p>
      )}
      {typeof children === 'function' ? children(control) : children}
    </>
  );
  return (
    <div className={error ? 'app-field app-field--error' : 'app-field'}>
      {group ? (
        <fieldset id={id} tabIndex={-1} className="app-field__group" aria-describedby={control['aria-describedby']}>
          {label && <legend className="app-field__label">{label}</legend>}
          {body}
        </fieldset>
      ) : (
        <>
          {label && (
            <label className="app-field__label" htmlFor={id}>
              {label}
            </label>
          )}
          {body}
        </>
      )}
    </div>
  );
}
