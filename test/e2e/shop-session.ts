import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startServe, type ServeProcess } from './serve-process';

export interface ShopSession {
  server: ServeProcess;
  page: Page;
  /** Calls the API with the server token, as an integration would. */
  api<T = { id: string }>(operation: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * A served shop on a fresh database (owner `owner`, PIN 2468, CNY), and Chromium signed
 * in to it as the owner: the starting point of the screen tests.
 */
export async function openShop(name: string, context: BrowserContextOptions = {}): Promise<ShopSession> {
  const folder = mkdtempSync(join(tmpdir(), `oms-${name}-`));
  const server = await startServe({ db: join(folder, 'shop.db'), token: 't' });
  const api = async <T>(operation: string, input: unknown): Promise<T> => {
    const response = await fetch(`${server.base}/api/${operation}`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    if (!response.ok) throw new Error(`${operation}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  await api('auth.setup', {
    owner: { username: 'owner', displayName: 'Zhang Wei', secret: '2468' },
    store: { storeName: 'Lotus Tea', currency: 'CNY', locale: 'zh-CN', pricesIncludeTax: true },
  });
  const chromium = await launchChromium();
  const page = await (
    await chromium.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 820 }, ...context })
  ).newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${server.base}/`);
  await page.getByLabel('Username').fill('owner');
  await page.getByLabel('PIN or password').fill('2468');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  return {
    server,
    page,
    api,
    close: async () => {
      await chromium.close();
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
