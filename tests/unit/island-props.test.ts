import { describe, expect, it } from 'vitest';
import { adminCommunes, bookingFormProps, teamWorkspaceProps } from '../../src/lib/content/island-props.ts';
import { allSteps } from '../../src/lib/content/guide-steps.ts';
import { communeSchema } from '../../src/lib/schemas/commune.ts';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import { platformSchema } from '../../src/lib/schemas/platform.ts';
import { readGuideFiles, readJson } from '../support/content.ts';

const live = readGuideFiles().map((file) => ({ id: `${file.folder}/${file.slug}`, data: guideSchema.parse(file.frontmatter) }));
// content/ has no withdrawn guide today; one is added so that the filter is exercised.
const withdrawn = { id: 'vssid/cu', data: { ...live[0].data, code: 'vs99', replacedBy: live[0].data.code } };
const guides = [...live, withdrawn];
const platforms = (readJson('platforms.json') as unknown[]).map((p) => platformSchema.parse(p)).map((data) => ({ id: data.id, data }));
const communes = (readJson('communes.json') as unknown[]).map((c) => ({ data: communeSchema.parse(c) }));

describe('island props', () => {
  it('give the booking form communes by name, live guides and platforms in display order, with only the fields it uses', () => {
    const props = bookingFormProps(communes, guides, platforms);
    expect(props.communes).toHaveLength(54);
    expect(props.communes.map((c) => c.name)).toEqual(props.communes.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'vi')));
    expect(Object.keys(props.communes[0]).sort()).toEqual(['code', 'formerUnits', 'lat', 'lon', 'name', 'slug']);
    expect(props.guides.map((g) => g.code)).toEqual(live.map((g) => g.data.code));
    expect(props.guides[0]).toEqual({
      code: live[0].data.code,
      title: live[0].data.title,
      platform: live[0].data.platform,
      steps: allSteps(live[0].data).length,
    });
    const order = [...platforms].sort((a, b) => a.data.order - b.data.order).map((p) => p.id);
    expect(props.platforms.map((p) => p.id)).toEqual(order);
    expect(props.platforms.find((p) => p.id === 'vssid')).toEqual({ id: 'vssid', name: 'VssID' });
  });

  it('give the team workspace links to live guides and platform hubs', () => {
    const props = teamWorkspaceProps(guides, platforms);
    expect(props.guides.vs99).toBeUndefined();
    const first = live[0];
    expect(props.guides[first.data.code]).toEqual({
      title: first.data.title,
      path: `/${first.id}/`,
      platform: first.data.platform,
    });
    expect(props.platforms.vssid).toEqual({ name: 'VssID', path: '/vssid/' });
  });

  it('give the admin workspace only code and name of each commune, by name', () => {
    const list = adminCommunes(communes);
    expect(list).toHaveLength(54);
    expect(Object.keys(list[0]).sort()).toEqual(['code', 'name']);
    expect(list.map((c) => c.name)).toEqual(list.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'vi')));
  });
});
