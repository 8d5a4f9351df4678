import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

/** The customers screen in Chromium: a customer with addresses, and the duplicate warning. */
describe('customers', () => {
  let shop: ShopSession;
  let page: Page;

  beforeAll(async () => {
    shop = await openShop('customers');
    page = shop.page;
    await shop.api('customers.create', { name: 'Li Ming', phone: '+86 139 1234 5678', tags: ['wholesale'] });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
  });

  afterAll(() => shop?.close());

  it('creates a customer with a shipping address', async () => {
    await page.getByRole('gridcell', { name: 'Walk-in' }).waitFor();
    await page.getByRole('button', { name: 'New customer' }).click();
    const form = page.getByRole('form', { name: 'Customer' });
    await form.getByLabel('Name').fill('王芳 Wang Fang');
    await form.getByLabel('Phone').first().fill('138 0013 8000');
    await form.getByLabel('Tags').fill('vip, 茶友');
    await form.getByRole('button', { name: 'Add address' }).click();
    const address = form.getByRole('group', { name: 'Addresses 1' });
    await address.getByLabel('Recipient').fill('王芳');
    await address.getByLabel('Street and number').fill('南京西路 88 号');
    await address.getByLabel('City').fill('上海');
    await form.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: '王芳 Wang Fang' }).waitFor();
    await screenshot(page, '40-customer-en');
  });

  it('warns while typing a phone number a customer already has', async () => {
    await page.getByRole('link', { name: 'Back to customers' }).click();
    await page.getByRole('button', { name: 'New customer' }).click();
    const form = page.getByRole('form', { name: 'Customer' });
    await form.getByLabel('Name').fill('Li M.');
    await form.getByLabel('Phone').first().fill('13912345678');
    await form.getByText('This may be a customer you already have:').waitFor();
    await form.getByRole('link', { name: /Li Ming/ }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('可能已有该客户：').waitFor();
    await screenshot(page, '41-customer-duplicate-zh');
  });

  it('finds customers by phone however it is written', async () => {
    await page.getByRole('link', { name: '返回客户列表' }).click();
    await page.getByLabel('搜索姓名、电话或邮箱').fill('8000');
    await page.getByRole('gridcell', { name: '王芳 Wang Fang' }).waitFor();
    // The header row and the one customer whose phone has 8000 in it.
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await screenshot(page, '42-customers-search-zh');
  });
});
