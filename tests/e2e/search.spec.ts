import { expect, test, type Page } from '@playwright/test';

/**
 * How people really type on a phone: without diacritics, with abbreviations, with small typos.
 * Each query must put the expected guide in the top three results.
 */
const QUERIES: [query: string, expectedPath: string][] = [
  ['dang ky vssid', '/vssid/dang-ky-tai-khoan/'],
  ['nop thue dat', '/etax/thue-dat/'],
  ['quen mat khau vssid', '/vssid/quen-mat-khau/'],
  ['quen mat khau vneid', '/vneid/quen-mat-khau/'],
  ['the bhyt', '/vssid/the-bhyt/'],
  ['BHYT tren dien thoai', '/vssid/the-bhyt/'],
  ['ma so BHXH', '/vssid/tra-ma-so-bhxh/'],
  ['MST', '/etax/ma-so-thue/'],
  ['CCCD ma so thue', '/etax/ma-so-thue/'],
  ['DVC dang nhap', '/dichvucong/dang-nhap-vneid/'],
  ['TTHC tra cuu ho so', '/dichvucong/tra-cuu-ho-so/'],
  ['nop ho so truc tuyen', '/dichvucong/nop-ho-so/'],
  ['vneid muc 2', '/vneid/dang-ky-muc-2/'],
  ['dien thoai moi vneid', '/vneid/dien-thoai-moi/'],
  ['cai app etax', '/etax/cai-dat/'],
  ['ứng dụng VssID cài đặt', '/vssid/cai-dat/'],
  ['ma qr dan de', '/thanh-toan-an-toan/ma-qr-dan-de/'],
  ['goi dien gia danh cong an', '/thanh-toan-an-toan/gia-danh-can-bo/'],
  ['vssd quen mk', '/vssid/quen-mat-khau/'],
  // Guides added for issue 15 (one query each, most without diacritics as people type them).
  ['dang ky tam tru', '/vneid/dang-ky-cu-tru/'],
  ['khai sinh cho con', '/vneid/khai-sinh-cho-con/'],
  ['lý lịch tư pháp', '/vneid/ly-lich-tu-phap/'],
  ['bang lai xe vneid', '/vneid/giay-phep-lai-xe/'],
  ['an sinh xa hoi vneid', '/vneid/an-sinh-xa-hoi/'],
  ['thong bao luu tru homestay', '/vneid/thong-bao-luu-tru/'],
  ['can cuoc cho tre em', '/vneid/tai-khoan-tre-em/'],
  ['xã phường mới sau sáp nhập', '/dichvucong/xa-phuong-moi/'],
  ['tra tien dien', '/thanh-toan-an-toan/tien-dien-nuoc/'],
  ['nguoi mua quet ma qr tra tien', '/thanh-toan-an-toan/quet-ma-tra-tien/'],
  ['quyet toan thue nguoi phu thuoc', '/etax/quyet-toan-thue/'],
  ['khai thue dinh ky ho kinh doanh', '/etax/khai-thue-ho-kinh-doanh/'],
  ['doi noi nhan luong huu', '/vssid/luong-huu/'],
  ['uy quyen linh thay', '/vssid/uy-quyen-nhan-thay/'],
  ['vssid cho con', '/vssid/tai-khoan-cho-con/'],
  ['kham bhyt bang can cuoc', '/vssid/bhyt-khong-dien-thoai/'],
  ['phản ánh hiện trường', '/smart-quang-ninh/phan-anh-hien-truong/'],
  ['hong gai smart', '/smart-quang-ninh/hong-gai-smart/'],
  ['mat can cuoc lam lai', '/vneid/cap-lai-can-cuoc/'],
  ['tự đăng ký vneid mức 1', '/vneid/dang-ky-muc-1/'],
  // Commune pages (/xa/<slug>/): by today's name and by a name from before 1/7/2025.
  ['to ho tro bai chay', '/xa/bai-chay/'],
  ['phuong hung thang', '/xa/bai-chay/'],
];

/**
 * The ranking queries share one search page: each is typed into its search box and sent, as a
 * person searching again would do, instead of loading the page (and Pagefind) once per query
 * (issue 17). The page searches with the same function either way; opening the page with ?q=… is
 * covered by the tests below. Each query stays a test of its own, so a failure names it.
 */
test.describe('ranking', () => {
  let page: Page;

  test.beforeAll(async ({ browser, baseURL, locale }) => {
    page = await browser.newPage({ baseURL, locale });
    await page.goto('/tim-kiem/');
  });

  test.afterAll(async () => {
    await page.close();
  });

  for (const [query, expectedPath] of QUERIES) {
    test(`"${query}" finds ${expectedPath} in the top 3`, async () => {
      const box = page.getByRole('searchbox', { name: 'Bạn cần làm gì?' });
      await box.fill(query);
      await box.press('Enter');
      // The heading names the query, so these are this query's results, not the previous one's.
      await expect(page.locator('[data-search-results] h2')).toHaveText(`Kết quả cho “${query}”`);
      const links = page.locator('.app-result__title a');
      await expect(links.first()).toBeVisible();
      const top3 = (await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')))).slice(0, 3);
      expect(top3, `"${query}": top 3 results`).toContain(expectedPath);
    });
  }
});

test('results show title, platform and excerpt, and the platform filter narrows them', async ({ page }) => {
  await page.goto('/tim-kiem/?q=quen%20mat%20khau');
  const first = page.locator('.app-result').first();
  await expect(first.locator('.app-result__title')).not.toBeEmpty();
  await expect(first.locator('.app-result__platform')).not.toBeEmpty();
  await expect(first.locator('.app-result__excerpt')).not.toBeEmpty();
  await page.getByLabel('Lọc theo ứng dụng').selectOption('VNeID');
  await expect(page.locator('.app-result__platform').first()).toHaveText('VNeID');
  const platforms = await page.locator('.app-result__platform').allTextContents();
  expect(new Set(platforms)).toEqual(new Set(['VNeID']));
});

test('an empty result offers the most-needed guides and booking help', async ({ page }) => {
  await page.goto('/tim-kiem/?q=xyzxyz%20qwqwqw');
  await expect(page.getByText('Chưa tìm thấy hướng dẫn phù hợp')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hướng dẫn nhiều người cần' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Đặt lịch để tổ công nghệ số hỗ trợ' })).toBeVisible();
});

test('the index loads on first focus, not on page load', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) requested.push(request.url());
  });
  await page.goto('/tim-kiem/');
  await page.waitForLoadState('networkidle');
  expect(requested).toEqual([]);
  await page.getByRole('searchbox', { name: 'Bạn cần làm gì?' }).focus();
  await expect.poll(() => requested.length).toBeGreaterThan(0);
});

test('the header search box on any page leads to results', async ({ page }) => {
  await page.goto('/vneid/');
  await page.getByRole('searchbox', { name: 'Tìm hướng dẫn' }).fill('nop thue dat');
  await page.getByRole('searchbox', { name: 'Tìm hướng dẫn' }).press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\/\?q=nop\+thue\+dat/);
  await expect(page.locator('.app-result__title a').first()).toHaveAttribute('href', '/etax/thue-dat/');
});
