import { useState } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { adminExportTeams, adminImportTeams, type ImportResult } from '../../lib/api/admin';
import { errorText, fieldProblem } from '../../lib/admin/format';
import { downloadText } from '../../lib/admin/statistics-csv';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import { useProblems } from '../shared/useProblems';
import '../shared/flash.css';

/**
 * CSV import (check first, then apply: all or nothing, errors by line and column) and export of
 * every team. The file goes as text; the database parses and checks it (same rules for every client).
 */
export default function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  // A call that failed, or a file with errors (listed by line below), in the alert at the top.
  const problems = useProblems();

  async function run(apply: boolean) {
    if (!file) return;
    setBusy(true);
    problems.clear();
    const answer = await callRpc(adminImportTeams, { csv: await file.text(), apply });
    setBusy(false);
    if (!answer.ok) return problems.fail({ message: errorText(answer.code) });
    setResult(answer.data);
    if (!answer.data.ok) problems.fail({ message: t('admin.import.failed', { count: answer.data.error_count }) });
  }

  async function exportAll() {
    const answer = await callRpc(adminExportTeams, {});
    if (!answer.ok) return problems.fail({ message: errorText(answer.code) });
    downloadText('danh-sach-to.csv', answer.data);
  }

  function choose(chosen: File | null) {
    setFile(chosen);
    // A new file starts afresh: the last file's errors, or a failed call, no longer apply.
    setResult(null);
    problems.clear();
  }

  const counts = result && { rows: result.rows ?? 0, created: result.created ?? 0, updated: result.updated ?? 0, unchanged: result.unchanged ?? 0 };
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('admin.import.title')}</h2>
      <p>{t('admin.import.lead')}</p>
      <p><a href="/mau-nhap-to.csv" download>{t('admin.import.template')}</a></p>
      <ErrorSummary title={null} message={problems.message} focusKey={problems.focusKey} />
      <Field id="import-file" label={t('admin.import.file')}>
        {(control) => (
          <input {...control} type="file" accept=".csv,text/csv" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
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
          <ul className="app-admin__errors" aria-label={t('admin.import.failed', { count: result.error_count })}>
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
