import type { FormEvent } from 'react';
import { t } from '../../lib/i18n/admin';
import type { AdminCommune } from '../../lib/admin/team-form';
import Field from '../shared/Field';
import TextField from '../shared/TextField';
import type { TeamFilter } from './useAdminTeams';

interface Props {
  communes: AdminCommune[];
  filter: TeamFilter;
  onChange(filter: TeamFilter): void;
  /** "Lọc": show the first page of what the filters match. */
  onApply(): void;
  onNew(): void;
}

/** Search (without diacritics too), commune, active or not, overloaded; and "new team". */
export default function TeamFilters({ communes, filter, onChange, onApply, onNew }: Props) {
  const set = (change: Partial<TeamFilter>) => onChange({ ...filter, ...change });
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply();
  }
  return (
    <form className="app-admin__filters" onSubmit={submit}>
      <TextField
        id="f-search"
        label={t('admin.teams.search')}
        hint={t('admin.teams.searchHint')}
        type="search"
        value={filter.search}
        onChange={(search) => set({ search })}
      />
      <Field id="f-commune" label={t('admin.teams.commune')}>
        {(control) => (
          <select {...control} className="app-input" value={filter.commune} onChange={(e) => set({ commune: e.target.value })}>
            <option value="">{t('admin.teams.anyCommune')}</option>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="f-active" label={t('admin.teams.active')}>
        {(control) => (
          <select {...control} className="app-input" value={filter.active} onChange={(e) => set({ active: e.target.value as TeamFilter['active'] })}>
            <option value="">{t('admin.teams.anyActive')}</option>
            <option value="true">{t('admin.teams.onlyActive')}</option>
            <option value="false">{t('admin.teams.onlyInactive')}</option>
          </select>
        )}
      </Field>
      <div className="app-check">
        <input id="f-overloaded" type="checkbox" checked={filter.overloaded} onChange={(e) => set({ overloaded: e.target.checked })} />
        <label htmlFor="f-overloaded">{t('admin.teams.overloaded')}</label>
      </div>
      <p>
        <button className="app-button" type="submit">{t('admin.teams.apply')}</button>{' '}
        <button className="app-button app-button--secondary" type="button" onClick={onNew}>{t('admin.teams.new')}</button>
      </p>
    </form>
  );
}
