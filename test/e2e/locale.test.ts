import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { startServe, type ServeProcess } from './serve-process';

/** A machine set to Chinese opens the app in Chinese without being asked. */
describe('the UI language follows the system', () => {
  let folder: string;
  let server: ServeProcess;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oms-locale-'));
    server = await startServe({ db: join(folder, 'shop.db'), token: 't' });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the first-run screen in Chinese on a zh-CN system', async () => {
    const context = await chromium.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await page.getByRole('heading', { name: '设置您的店铺' }).waitFor();
    await page.getByRole('button', { name: '中文', pressed: true }).waitFor();
    await page.getByLabel('货币').waitFor();
    await screenshot(page, '00-setup-zh');
    await context.close();
  });

  it('shows it in English on an English system', async () => {
    const context = await chromium.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await page.getByRole('heading', { name: 'Set up your shop' }).waitFor();
    await context.close();
  });
});
