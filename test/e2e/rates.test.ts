import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

interface Order {
  id: string;
  number: string;
  shippingMethod: string;
  shippingAmount: number;
  grandTotal: number;
}

function daysFromNow(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** Editing a rate rule in Settings → Shipping, then comparing rates on an order and choosing one, in Chromium over HTTP. */
describe('shipping rates', () => {
  let shop: ShopSession;
  let page: Page;
  let order: Order;

  beforeAll(async () => {
    shop = await openShop('rates');
    page = shop.page;
    await shop.api('warehouses.create', { code: 'SH1', name: '上海仓' });
    const tea = await shop.api('products.create', {
      sku: 'TEA-LJ',
      name: '龙井 Longjing 250 g',
      unitPrice: 1000,
      weightGrams: 600,
      lengthMm: 200,
      widthMm: 100,
      heightMm: 100,
    });
    const { customer } = await shop.api<{ customer: { id: string } }>('customers.create', {
      name: '陈静 Chen Jing',
      addresses: [
        {
          kind: 'shipping',
          recipient: '陈静',
          line1: '文三路 90 号',
          city: '杭州',
          region: '浙江省',
          postalCode: '310012',
          country: 'CN',
          isDefault: true,
        },
      ],
    });
    order = await shop.api<Order>('orders.create', {
      customerId: customer.id,
      promisedDate: daysFromNow(10),
      lines: [{ productId: tea.id, quantity: 2 }],
      shipping: { method: 'To be chosen', amount: 0 },
    });
  });
  afterAll(async () => shop?.close());

  it('edits a rate rule in Settings → Shipping', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Shipping' }).click();
    await page.getByRole('button', { name: 'Rates: YTO Standard' }).click();
    const rules = page.getByRole('region', { name: 'Rate rules of YTO Standard' });
    await rules.getByRole('cell', { name: 'Neighbouring provinces', exact: true }).waitFor();
    await screenshot(page, 'rates-10-settings-en');

    await rules.getByRole('button', { name: 'Edit: Neighbouring provinces 0–50000 g' }).click();
    const form = rules.getByRole('form', { name: 'Edit: Neighbouring provinces' });
    await form.getByLabel('First weight price').fill('4.5x');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('An amount such as 12.50').waitFor();
    await form.getByLabel('First weight price').fill('4.50');
    await form.getByLabel('Provinces / states').fill('JS ZJ AH SH');
    await form.getByRole('button', { name: 'Save' }).click();
    // Shanghai has its own rule at the same level of detail: refused, naming it.
    await form.getByText('Overlaps the rule “Same province” in zone and weight.').waitFor();
    await screenshot(page, 'rates-11-rule-clash-en');
    await form.getByLabel('Provinces / states').fill('JS ZJ AH');
    await form.getByRole('button', { name: 'Save' }).click();
    await rules.getByText('Saved.').waitFor();
    const row = rules.getByRole('row').filter({ hasText: 'Neighbouring provinces' });
    await row.getByText('CN¥4.50 first 1000 g, +CN¥1.50 per 1000 g').waitFor();
  });

  it('adds a service with its first rate rule', async () => {
    await page.getByRole('button', { name: 'Add service' }).click();
    const form = page.getByRole('form', { name: 'Add service' });
    await form.getByLabel('Carrier').selectOption({ label: 'SF Express' });
    await form.getByLabel('Service name').fill('SF Same Day');
    await form.getByLabel('Code').fill('sf_same_day');
    await form.getByRole('button', { name: 'Save' }).click();
    const rules = page.getByRole('region', { name: 'Rate rules of SF Same Day' });
    await rules.getByText('No rules: this service is offered nowhere.').waitFor();
    await rules.getByRole('button', { name: 'Add rule' }).click();
    const rule = rules.getByRole('form', { name: 'Add rule' });
    await rule.getByLabel('Zone', { exact: true }).fill('Shanghai, same day');
    await rule.getByLabel('Provinces / states').fill('SH');
    await rule.getByLabel('Up to (g)').fill('5000');
    await rule.getByLabel('First weight price').fill('20');
    await rule.getByLabel('Step price').fill('5');
    await rule.getByLabel('Transit days, fewest').fill('0');
    await rule.getByLabel('Transit days, most').fill('0');
    await rule.getByRole('button', { name: 'Save' }).click();
    await rules.getByRole('cell', { name: 'Shanghai, same day', exact: true }).waitFor();
    await rules.getByText('CN¥20.00 first 1000 g, +CN¥5.00 per 1000 g').waitFor();
    await screenshot(page, 'rates-12-new-service-en');
  });

  it('compares rates on the order, explains the best, and uses a service', async () => {
    await page.goto(`${shop.server.base}/#/orders/${order.id}`);
    const rates = page.getByRole('region', { name: 'Shipping rates' });
    // Two teas: 1.2 kg → the first kilogram + one more. YTO to Zhejiang now ¥4.50 + ¥1.50.
    const yto = rates.getByRole('row').filter({ hasText: 'YTO Standard' });
    await yto.getByText('CN¥6.00').waitFor();
    await expect(yto.textContent()).resolves.toContain('Best');
    await rates.getByText(/^Best: YTO Standard/).waitFor();
    await rates.getByText(/The cheapest of the 7 services sure to arrive by the promised/).waitFor();
    await expect(rates.getByRole('row').filter({ hasText: 'SF Standard Express' }).textContent()).resolves.toContain(
      'CN¥13.00 first 1 kg + 1 × CN¥2.00 per 1 kg',
    );
    await rates.evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'rates-20-compare-en');

    await rates.getByRole('button', { name: 'Fastest within a budget' }).click();
    await rates.getByLabel('Budget').fill('10');
    // Within ¥10: ZTO (¥7.50) and YTO (¥6.00) arrive by the same latest day; ZTO may come a day sooner.
    await rates.getByText(/^Best: ZTO Standard/).waitFor();
    await rates.getByText(/The fastest of the 2 services within CN¥10\.00/).waitFor();
    await rates.evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'rates-21-budget-en');

    // Weighed and measured: 4 kg in 60 × 40 × 40 cm weighs 96,000,000 mm³ ÷ 8,000 = 12 kg at ZTO and YTO.
    // YTO ¥4.50 + 11 × ¥1.50 = ¥21.00; China Post Parcel charges the actual 4 kg only: ¥9 + 3 × ¥3 = ¥18.00,
    // the cheapest, yet ¥8.00 over the budget.
    await rates.getByLabel('Weighed and measured').check();
    await rates.getByLabel('Weight (kg)').fill('4');
    await rates.getByLabel('Length (cm)').fill('60');
    await rates.getByLabel('Width (cm)').fill('40');
    await rates.getByLabel('Height (cm)').fill('40');
    await rates.getByText('Parcel as weighed: 4 kg in a box of 60 × 40 × 40 cm').waitFor();
    await rates.getByText(/No service fits the budget of CN¥10\.00: this is the cheapest, CN¥8\.00 over\./).waitFor();
    await rates.getByText(/^Best: China Post Parcel/).waitFor();
    await rates.getByRole('row').filter({ hasText: 'YTO Standard' }).getByText('CN¥21.00').waitFor();
    await rates.evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'rates-23-weighed-en');
    await rates.getByLabel('Weighed and measured').uncheck();
    await rates.getByText(/^Best: ZTO Standard/).waitFor();

    await rates.getByRole('button', { name: 'Use this service: ZTO Standard' }).click();
    await rates.getByText('The order now ships with ZTO Standard for CN¥7.50.').waitFor();
    await rates.getByRole('row').filter({ hasText: 'ZTO Standard' }).getByText('Chosen').waitFor();
    const saved = await shop.api<Order>('orders.get', { id: order.id });
    expect(saved).toMatchObject({ shippingMethod: 'ZTO Standard', shippingAmount: 750, grandTotal: 2750 });
    await page.getByRole('region', { name: 'Totals' }).getByText('CN¥27.50').first().waitFor();
    await screenshot(page, 'rates-22-chosen-en');
  });

  it('shows the comparison and the settings in Chinese', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    const rates = page.getByRole('region', { name: '运费比较' });
    await rates.getByRole('button', { name: '准时中最便宜' }).click();
    await rates.getByText(/^最优：|^最优:/).waitFor();
    await rates.getByText(/在 7 个确保于承诺日期/).waitFor();
    await rates.evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'rates-30-compare-zh');
    await page.goto(`${shop.server.base}/#/settings`);
    await page.getByRole('tab', { name: '物流' }).click();
    await page.getByRole('button', { name: '运费: SF Standard Express' }).click();
    await page
      .getByRole('region', { name: 'SF Standard Express 的运费规则' })
      .getByText('Xinjiang and Tibet')
      .waitFor();
    await page
      .getByRole('region', { name: 'SF Standard Express 的运费规则' })
      .evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'rates-31-settings-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
