import type { FormEvent } from 'react';
import { t } from '../../lib/i18n/admin';
import TextField from '../shared/TextField';

interface Props {
  /** Prefix of the date fields' ids ("s" gives s-from and s-to). */
  idPrefix: string;
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  exportLabel: string;
  /** Downloads the report as CSV; left out while there is no report (the button is disabled). */
  onExport?: () => void;
}

/** The date-range form of the admin's statistics panels: from, to, "show" and a CSV export. */
export default function DateRangeForm({ idPrefix, from, to, onFrom, onTo, onSubmit, exportLabel, onExport }: Props) {
  return (
    <form className="app-admin__filters" onSubmit={onSubmit}>
      <TextField id={`${idPrefix}-from`} label={t('admin.stats.from')} type="date" value={from} onChange={onFrom} />
      <TextField id={`${idPrefix}-to`} label={t('admin.stats.to')} type="date" value={to} onChange={onTo} />
      <p>
        <button className="app-button" type="submit">{t('admin.stats.show')}</button>{' '}
        <button className="app-button app-button--secondary" type="button" disabled={!onExport} onClick={onExport}>
          {exportLabel}
        </button>
      </p>
    </form>
  );
}
