import { describe, expect, it } from 'vitest';
import { t } from '../../src/lib/i18n/t.ts';
import { escapeHtml } from '../../src/lib/text/html.ts';
import {
  failedHtml,
  loadingHtml,
  resultsHtml,
  searchPageUrl,
  type SearchMessages,
} from '../../src/lib/search/results-html.ts';

/** The messages the page renders into its data attributes. */
const messages: SearchMessages = {
  loading: t('search.loading'),
  resultsFor: t('search.resultsFor'),
  count: t('search.count'),
  none: t('search.none'),
  failed: t('search.failed'),
};

const hit = {
  url: '/vssid/quen-mat-khau/',
  title: 'Lấy lại mật khẩu <VssID>',
  platform: 'VssID',
  excerpt: 'Bấm <mark>quên</mark> mật khẩu',
};

describe('search result markup', () => {
  it('escapes text for content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });

  it('lists the hits under a heading with the query and the count, keeping Pagefind’s <mark>', () => {
    const html = resultsHtml('quen "mk"', [hit, { ...hit, url: '/vneid/quen-mat-khau/' }], messages);
    expect(html).toContain('<h2>Kết quả cho “quen &#34;mk&#34;”</h2>');
    expect(html).toContain('<p>Tìm thấy 2 hướng dẫn</p>');
    expect(html).toContain('<a href="/vssid/quen-mat-khau/">Lấy lại mật khẩu &#60;VssID&#62;</a>');
    expect(html).toContain('<p class="app-result__excerpt">Bấm <mark>quên</mark> mật khẩu</p>');
    expect(html.match(/<li class="app-result">/g)).toHaveLength(2);
  });

  it('says nothing was found, with the query, and lists nothing', () => {
    const html = resultsHtml('<xyz>', [], messages);
    expect(html).toBe('<h2>Kết quả cho “&#60;xyz&#62;”</h2><p>Chưa tìm thấy hướng dẫn phù hợp với “&#60;xyz&#62;”.</p>');
  });

  it('shows loading and, when the index fails, a link to every guide', () => {
    expect(loadingHtml(messages)).toBe('<p>Đang tìm…</p>');
    expect(failedHtml(messages, '/huong-dan/')).toBe(`<p>${t('search.failed')} <a href="/huong-dan/">/huong-dan/</a></p>`);
  });

  it('keeps query and platform filter in the page URL, dropping an empty filter', () => {
    const base = 'http://localhost/tim-kiem/?q=cu&nen-tang=VssID';
    expect(searchPageUrl(base, 'quên mật khẩu', 'VNeID')).toBe(
      'http://localhost/tim-kiem/?q=qu%C3%AAn+m%E1%BA%ADt+kh%E1%BA%A9u&nen-tang=VNeID',
    );
    expect(searchPageUrl(base, 'the bhyt', '')).toBe('http://localhost/tim-kiem/?q=the+bhyt');
  });
});
