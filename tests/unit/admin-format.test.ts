import { describe, expect, it } from 'vitest';
import { duration, errorText, fieldProblem, weekLabel } from '../../src/lib/admin/format.ts';
import { vietnamDay } from '../../src/lib/domain/vietnam-time.ts';
import { TEAM_FORM_FIELDS, teamFormErrors, teamFormValues } from '../../src/lib/admin/team-form.ts';
import type { AdminTeam } from '../../src/lib/api/admin.ts';
import { statisticsRows, statusLabel } from '../../src/lib/admin/statistics-view.ts';
import { t } from '../../src/lib/i18n/admin.ts';
import { statisticsFixture } from '../support/statistics.ts';

describe('admin workspace words', () => {
  it('says a network failure plainly and shows any other code', () => {
    expect(errorText('network')).toBe(t('admin.error.network'));
    expect(errorText('forbidden')).toBe('Có lỗi (forbidden). Hãy thử lại.');
  });

  it('names the column and the problem of a CSV line, and the first line of a duplicate', () => {
    expect(fieldProblem({ column: 'capacity', code: 'out_of_range' })).toMatch(/^cột capacity: giá trị nằm ngoài khoảng cho phép/);
    expect(fieldProblem({ column: null, code: 'duplicate', first_line: 4 })).toBe('mã tổ bị trùng với dòng 4');
    expect(fieldProblem({ column: 'code', code: 'something_new' })).toBe('cột code: something_new');
  });

  it('gives the day in Vietnam, which starts 7 hours before UTC’s', () => {
    expect(vietnamDay(0, new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
    expect(vietnamDay(0, new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
    expect(vietnamDay(-89, new Date('2026-11-28T08:00:00Z'))).toBe('2026-08-31');
  });

  it('tells durations in minutes, hours or days', () => {
    expect(duration(null)).toBe(t('admin.stats.none'));
    expect(duration(42.4)).toBe(t('admin.stats.minutes', { value: 42 }));
    expect(duration(150)).toBe(t('admin.stats.hours', { value: 2.5 }));
    expect(duration(3 * 24 * 60)).toBe(t('admin.stats.days', { value: 3 }));
  });

  it('writes a week’s Monday the Vietnamese way', () => {
    expect(weekLabel('2025-03-03')).toBe('03/03/2025');
  });
});

describe('the team form', () => {
  const team = {
    id: 1, code: 'HG-01', name: 'Tổ Hồng Gai', commune_code: '06685', commune_name: 'Phường Hồng Gai',
    base_lat: 20.95, base_lon: 107.08, service_radius_m: 4000, capacity: 8, public_phone: null,
    active: false, is_demo: false, covers: ['06673', '06685'], open_count: 0, updated_at: '2026-11-28T08:00:00Z',
  } satisfies AdminTeam;

  it('starts a new team with 5 km and 10 requests, and shows a team’s fields as text', () => {
    expect(teamFormValues(null)).toEqual({ service_radius_m: '5000', capacity: '10' });
    expect(teamFormValues(team)).toMatchObject({ code: 'HG-01', base_lat: '20.95', public_phone: '', active: 'không', covers: '06673' });
  });

  it('labels every field, and puts each problem of the server at its field', () => {
    for (const field of TEAM_FORM_FIELDS) expect(t(field.label)).not.toContain('admin.');
    expect(teamFormErrors([{ column: 'capacity', code: 'out_of_range' }, { column: null, code: 'required' }])).toEqual({
      capacity: t('admin.error.out_of_range'),
      '': t('admin.error.required'),
    });
  });
});

describe('the statistics charts', () => {
  it('label each count in words, weeks the Vietnamese way', () => {
    const stats = statisticsFixture();
    const rows = statisticsRows(stats);
    expect(rows.status).toHaveLength(5);
    for (const row of [...rows.status, ...rows.need]) expect(row.label).not.toContain('admin.');
    expect(rows.week).toEqual([{ label: '03/03/2025', value: 2 }]);
    expect(rows.commune).toEqual([{ label: 'Phường Hồng Gai', value: 2 }]);
  });

  it('name statuses in the words citizens read, and show a status they do not know as it is', () => {
    expect(statusLabel('closed')).toBe(t('booking.status.closed'));
    expect(statusLabel('unassigned')).toBe('Chưa phân công');
    expect(statusLabel('archived')).toBe('archived');
  });
});
