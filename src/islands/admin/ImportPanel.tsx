import { useState } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { adminExportTeams, adminImportTeams, type ImportResult } from '../../lib/api/admin';
import { errorText, fieldProblem } from '../../lib/admin/format';
import { downloadText } from '../../lib/admin/statistics-csv';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import '../shared/flash.css';

/**
 * CSV import (check first, then apply: all or nothing, errors by line and column) and export of
 * every team. The file goes as text; the database parses and checks it (same rules for every client).
 */
export default function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tries, setTries] = useState(0);

  function fail(code: string) {
    setFailure(errorText(code));
    setTries((n) => n + 1);
  }

  async function run(apply: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    const answer = await callRpc(adminImportTeams, { csv: await file.text(), apply });
    setBusy(false);
    if (!answer.ok) return fail(answer.code);
    setResult(answer.data);
    setTries((n) => n + 1);
  }

  async function exportAll() {
    const answer = await callRpc(adminExportTeams, {});
    if (!answer.ok) return fail(answer.code);
    downloadText('danh-sach-to.csv', answer.data);
  }

  const counts = result && { rows: result.rows ?? 0, created: result.created ?? 0, updated: result.updated ?? 0, unchanged: result.unchanged ?? 0 };
  const rejected = result && !result.ok ? t('admin.import.failed', { count: result.error_count }) : null;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('admin.import.title')}</h2>
      <p>{t('admin.import.lead')}</p>
      <p><a href="/mau-nhap-to.csv" download>{t('admin.import.template')}</a></p>
      <ErrorSummary title={null} message={failure ?? rejected} focusKey={tries} />
      <Field id="import-file" label={t('admin.import.file')}>
        {(control) => (
          <input {...control} type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
        )}
      </Field>
      <p>
        <button type="button" className="app-button app-button--secondary" disabled={!file || busy} onClick={() => run(false)}>{t('admin.import.check')}</button>{' '}
        <button type="button" className="app-button" disabled={!file || busy} onClick={() => run(true)}>{t('admin.import.apply')}</button>
      </p>
      <div role="status" aria-live="polite">
        {busy && <p>{t('admin.import.working')}</p>}
        {result?.ok && counts && <p className="app-notice">{t(result.applied ? 'admin.import.done' : 'admin.import.checked', counts)}</p>}
      </div>
      {result && !result.ok && (
        <>
          <ul className="app-admin__errors" aria-label={rejected!}>
            {result.errors.map((e, i) => (
              <li key={i}>
                {e.line !== null && <strong>{t('admin.import.errorLine', { line: e.line })}</strong>}
                {e.line !== null && ', '}
                {fieldProblem(e)}
              </li>
            ))}
          </ul>
          {result.error_count > result.errors.length && <p>{t('admin.import.moreErrors')}</p>}
        </>
      )}
      <h2>{t('admin.export.title')}</h2>
      <p>{t('admin.export.lead')}</p>
      <p><button type="button" className="app-button app-button--secondary" onClick={exportAll}>{t('admin.export.button')}</button></p>
    </section>
  );
}
