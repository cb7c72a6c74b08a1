import type { ComponentProps, ReactNode } from 'react';
import Field from './Field';

/** What the input itself takes besides its value: type, autoComplete, maxLength, ref, … */
type InputProps = Omit<ComponentProps<'input'>, 'id' | 'value' | 'onChange' | 'children'>;

interface Props extends InputProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange(value: string): void;
  /** Classes beside `app-input` (e.g. a wider or monospaced input). */
  className?: string;
}

/**
 * A one-line text input in its field (label, hint, error), for every form of the islands: the
 * field wires the input to its label, hint and error; the rest of the props go to the input.
 */
export default function TextField({ id, label, hint, error, value, onChange, className, type = 'text', ...input }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          {...input}
          className={className ? `app-input ${className}` : 'app-input'}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
