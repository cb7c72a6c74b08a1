import type { ReactNode } from 'react';
import Field from '../shared/Field';

interface Props {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'tel';
  inputMode?: 'tel' | 'text';
  autoComplete?: string;
  maxLength?: number;
}

/** A one-line text input of the booking form in its field (label, hint, error). */
export default function TextField({ id, label, hint, error, value, onChange, type = 'text', ...input }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          {...input}
          className="app-input"
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
