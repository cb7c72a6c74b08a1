import { describe, expect, it } from 'vitest';
import { t } from '../../src/lib/i18n/t.ts';
import { posterCatalogue, postersByPlatform } from '../../src/lib/posters/catalogue.ts';
import {
  gatheredStatus,
  loadingStatus,
  requestedPosters,
  type ManyPostersMessages,
} from '../../src/lib/posters/many-posters.ts';

const catalogue = posterCatalogue(
  [
    { code: 'vs4', platform: 'vssid', slug: 'quen-mat-khau' },
    { code: 'tx3', platform: 'etax', slug: 'thue-dat' },
  ],
  [{ slug: 'ha-tu' }, { slug: 'co-to' }],
);

const messages: ManyPostersMessages = {
  loading: t('poster.many.loading'),
  ready: t('poster.many.ready'),
  none: t('poster.many.none'),
  unknown: t('poster.many.unknown'),
  failed: t('poster.many.failed'),
};

describe('posters gathered into one print job', () => {
  it('know every poster page by guide code and commune slug', () => {
    expect(catalogue).toEqual({
      g: { vs4: '/in/vssid/quen-mat-khau/', tx3: '/in/etax/thue-dat/' },
      x: { 'ha-tu': '/in/xa/ha-tu/', 'co-to': '/in/xa/co-to/' },
    });
  });

  it('are read from comma lists and repeated fields alike: guides first, order kept, repeats dropped', () => {
    const query = new URLSearchParams('x=co-to&g=tx3, vs4&g=tx3&x=ha-tu,co-to');
    expect(requestedPosters(query, catalogue)).toEqual({
      paths: ['/in/etax/thue-dat/', '/in/vssid/quen-mat-khau/', '/in/xa/co-to/', '/in/xa/ha-tu/'],
      unknown: [],
    });
  });

  it('never fetch a page outside the catalogue, not even an inherited key', () => {
    const query = new URLSearchParams('g=vs4,khong1,__proto__&x=constructor');
    expect(requestedPosters(query, catalogue)).toEqual({
      paths: ['/in/vssid/quen-mat-khau/'],
      unknown: ['khong1', '__proto__', 'constructor'],
    });
  });

  it('report progress, then what is ready, what failed and which codes have no poster', () => {
    expect(loadingStatus(messages, 3)).toBe('Đang chuẩn bị 3 áp phích…');
    expect(gatheredStatus(messages, { requested: 3, loaded: 3, unknown: [] })).toBe(
      'Đã sẵn sàng 3 áp phích, mỗi áp phích một trang A4.',
    );
    expect(gatheredStatus(messages, { requested: 2, loaded: 2, unknown: ['khong1'] })).toBe(
      'Đã sẵn sàng 2 áp phích, mỗi áp phích một trang A4. Không có áp phích cho: khong1.',
    );
    expect(gatheredStatus(messages, { requested: 3, loaded: 1, unknown: ['a$&b', 'c'] })).toBe(
      'Đã sẵn sàng 1 áp phích, mỗi áp phích một trang A4. ' +
        'Không tải được 2 áp phích. Kiểm tra kết nối mạng rồi tải lại trang. Không có áp phích cho: a$&b, c.',
    );
    expect(gatheredStatus(messages, { requested: 0, loaded: 0, unknown: ['x1'] })).toBe(
      `${t('poster.many.none')} Không có áp phích cho: x1.`,
    );
  });
});

describe('the poster index', () => {
  it('groups guides by platform in the order given', () => {
    const guides = [
      { code: 'vn1', platform: 'vneid', platformName: 'VNeID' },
      { code: 'vs1', platform: 'vssid', platformName: 'VssID' },
      { code: 'vn2', platform: 'vneid', platformName: 'VNeID' },
    ];
    expect(postersByPlatform(guides)).toEqual([
      { platform: 'vneid', platformName: 'VNeID', guides: [guides[0], guides[2]] },
      { platform: 'vssid', platformName: 'VssID', guides: [guides[1]] },
    ]);
  });
});
