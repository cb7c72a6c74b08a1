import { t } from '../../lib/i18n/admin';
import type { CountRow } from '../../lib/admin/statistics-view';

/** Horizontal bars in plain SVG; a table beside it (or the figures in words) carries the same numbers. */
export function Bars({ items, label }: { items: CountRow[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const row = 26;
  return (
    <svg className="app-admin__chart" role="img" aria-label={label} viewBox={`0 0 600 ${items.length * row + 4}`} width="100%">
      {items.map((item, i) => (
        <g key={item.label} transform={`translate(0 ${i * row + 2})`}>
          <text x="0" y="17" fontSize="14">{item.label}</text>
          <rect x="200" y="3" height="18" width={(item.value / max) * 340} fill="var(--app-color-brand-text)" />
          <text x={206 + (item.value / max) * 340} y="17" fontSize="14">{item.value.toLocaleString('vi-VN')}</text>
        </g>
      ))}
    </svg>
  );
}

/** Label and count, one row each (the caption is for screen readers). */
export function CountTable({ caption, rows }: { caption: string; rows: { label: string; value: number | string }[] }) {
  return (
    <table className="app-admin__table">
      <caption className="app-visually-hidden">{caption}</caption>
      <thead>
        <tr><th scope="col">{t('admin.stats.col.label')}</th><th scope="col">{t('admin.stats.col.count')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}><th scope="row">{r.label}</th><td>{typeof r.value === 'number' ? r.value.toLocaleString('vi-VN') : r.value}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
