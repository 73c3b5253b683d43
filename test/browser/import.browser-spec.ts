import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { adminApi, openConsole, SCREENSHOTS, signInAsAdmin, type ConsoleSession } from '../support/console';

/**
 * An admin imports a small customer spreadsheet with one bad row: the preview maps the columns from the
 * Chinese headers, the dry run names the bad row, the import runs as a job to 100 %, and the good rows
 * are customers.
 */
jest.setTimeout(90_000);

let session: ConsoleSession;
let server: ConsoleSession['server'];
let page: Page;

async function spreadsheet(): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRows([
    ['客户编号', '姓名', '手机', '邮箱'],
    ['C-101', '陈静', '13800001111', 'chen.jing@example.com'],
    ['C-102', '周杰', '13800002222', ''],
    ['C-103', '吴磊', '12345', ''],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  session = await openConsole();
  ({ server, page } = session);
}, 120_000);

afterAll(() => session?.close());

test('an admin imports a small spreadsheet with one bad row', async () => {
  await signInAsAdmin(page, server.url);
  await page.getByRole('menuitem', { name: '导入' }).click();
  await page.waitForURL('**/imports');

  await page.locator('input[type=file]').setInputFiles({
    name: '客户名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await spreadsheet(),
  });
  const preview = page.getByTestId('import-preview');
  await preview.getByText('13800001111').waitFor();
  // Mapped from the headers: the select above 邮箱 shows 邮箱, the unknown-free sheet needs no changes.
  await preview.locator('thead .ant-select-content[title="邮箱"]').first().waitFor();
  await preview.locator('thead .ant-select-content[title="客户编号"]').first().waitFor();
  await page.getByText('客户名单.xlsx · 客户 · 共 3 行').waitFor();

  await page.getByRole('button', { name: '检查数据' }).click();
  const dryRun = page.getByTestId('dry-run');
  await dryRun.getByText('2 行可以导入，1 行有错误').waitFor();
  const badRow = dryRun.getByRole('row').filter({ hasText: 'phone is not a valid phone number' });
  await expect(badRow.textContent()).resolves.toMatch(/^4手机手机/);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-import-dry-run.png') });
  // The dry run wrote nothing.
  await expect(adminApi<{ items: unknown[] }>(server.url, '/customers')).resolves.toEqual({ items: [], nextCursor: null });

  await page.getByRole('button', { name: '开始导入' }).click();
  await page.getByTestId('import-summary').getByText('导入完成').waitFor();
  await expect(page.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
  const summary = (await page.getByTestId('import-summary').textContent())!;
  expect(summary).toContain('新建2');
  expect(summary).toContain('失败1');
  await page.getByRole('row').filter({ hasText: 'phone is not a valid phone number' }).getByText('吴磊').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-import-done.png') });

  await page.getByRole('button', { name: '查看客户' }).click();
  await page.waitForURL('**/customers');
  await page.getByTestId('customer-row').filter({ hasText: '陈静' }).waitFor();
  await page.getByTestId('customer-row').filter({ hasText: '周杰' }).waitFor();
  const all = await adminApi<{ items: { name: string }[] }>(server.url, '/customers');
  expect(all.items.map((c) => c.name).sort()).toEqual(['周杰', '陈静']);
});
