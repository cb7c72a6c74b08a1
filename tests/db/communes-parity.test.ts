import { describe, expect, inject, it } from 'vitest';
import communes from '../../content/communes.json' with { type: 'json' };
import { withSql } from '../support/clients.ts';

/** content/communes.json is the source of truth; the database copy must match it exactly. */
describe.each(inject('stacks'))('communes in the database on $backend', (stack) => {
  it('match content/communes.json row for row', async () => {
    const rows = await withSql(stack, (sql) =>
      sql.query('select code, name, slug, type, lat, lon from app.communes order by code'),
    );
    const expected = communes
      .map(({ code, name, slug, type, lat, lon }) => ({ code, name, slug, type, lat, lon }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(rows.rows).toEqual(expected);
  });
});
