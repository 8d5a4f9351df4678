import type { RunningApp } from '../app';
import { inWriteTransaction } from '../database/transaction';
import { needsSetup, setup } from '../services/auth';
import { updateSettings } from '../services/settings';
import { createUser } from '../services/users';
import type { ServiceContext } from '../services/context';
import { createFamily } from '../services/catalog/families';
import { createProduct, getProductBySku } from '../services/catalog/products';
import { createPurchaseOrder, orderPurchaseOrder } from '../services/purchasing/purchase-orders';
import { createSupplier } from '../services/catalog/suppliers';
import { receiveStock } from '../services/inventory/stock';
import { createLocation, createWarehouse } from '../services/inventory/warehouses';
import { DEMO_FAMILY, DEMO_PRODUCTS, DEMO_SUPPLIERS, DEMO_WAREHOUSES, demoBarcode } from './demo-catalog';
import { DEMO_CUSTOMERS, DEMO_STORE, DEMO_USERS } from './demo-data';
import { createCustomer } from '../services/customers/customers';

/** Fills a new database with the demo shop in one transaction; leaves a used one alone. */
export async function seedDemo(app: RunningApp): Promise<boolean> {
  return inWriteTransaction(app.handle.db, async (db) => {
    if (!(await needsSetup({ db, actor: null }))) return false;
    const [owner, ...staff] = DEMO_USERS;
    const { user } = await setup(
      { db, actor: null },
      {
        owner,
        store: {
          storeName: DEMO_STORE.storeName,
          currency: DEMO_STORE.currency,
          locale: DEMO_STORE.locale,
          pricesIncludeTax: DEMO_STORE.pricesIncludeTax,
        },
      },
    );
    const asOwner = { db, actor: user };
    await updateSettings(asOwner, DEMO_STORE);
    for (const person of staff) await createUser(asOwner, person);
    await seedCatalogAndStock(asOwner);
    return true;
  });
}

/** Two warehouses with bins, two suppliers, teas and teaware (one family of variants) and their opening stock. */
async function seedCatalogAndStock(ctx: ServiceContext): Promise<void> {
  const bins = new Map<string, string>();
  for (const w of DEMO_WAREHOUSES) {
    const warehouse = await createWarehouse(ctx, { code: w.code, name: w.name, address: w.address });
    for (const code of w.bins) {
      const location = await createLocation(ctx, { warehouseId: warehouse.id, code, name: '' });
      bins.set(`${w.code}/${code}`, location.id);
    }
  }
  const suppliers = new Map<string, string>();
  for (const s of DEMO_SUPPLIERS) {
    const supplier = await createSupplier(ctx, {
      name: s.name,
      contactName: s.contactName,
      email: '',
      phone: s.phone,
      leadTimeDays: s.leadTimeDays,
      notes: '',
    });
    suppliers.set(s.key, supplier.id);
  }
  const base = {
    description: '',
    taxClass: 'standard',
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    allowBackorder: false,
  };
  let n = 0;
  for (const p of DEMO_PRODUCTS) {
    n += 1;
    const product = await createProduct(ctx, {
      ...base,
      sku: p.sku,
      name: p.name,
      barcode: demoBarcode(n),
      unitPrice: p.price,
      weightGrams: p.grams,
      supplierId: suppliers.get(p.supplier) ?? null,
      leadTimeDays: null,
      reorderPoint: p.reorderPoint,
      familyId: null,
      optionValues: null,
    });
    for (const [warehouse, code, quantity] of p.stock) {
      await receiveStock(ctx, {
        productId: product.id,
        locationId: bins.get(`${warehouse}/${code}`),
        quantity,
        unitCost: p.cost,
        note: 'Opening stock',
      });
    }
  }
  const family = await createFamily(ctx, {
    handle: DEMO_FAMILY.handle,
    name: DEMO_FAMILY.name,
    description: '',
    optionNames: [...DEMO_FAMILY.optionNames],
  });
  for (const v of DEMO_FAMILY.variants) {
    n += 1;
    const product = await createProduct(ctx, {
      ...base,
      sku: v.sku,
      name: `${DEMO_FAMILY.name} · ${v.colour}`,
      barcode: demoBarcode(n),
      unitPrice: DEMO_FAMILY.price,
      weightGrams: DEMO_FAMILY.grams,
      supplierId: suppliers.get('ware') ?? null,
      leadTimeDays: null,
      reorderPoint: DEMO_FAMILY.reorderPoint,
      familyId: family.id,
      optionValues: { Colour: v.colour },
    });
    await receiveStock(ctx, {
      productId: product.id,
      locationId: bins.get('MAIN/B-02'),
      quantity: v.stock,
      unitCost: DEMO_FAMILY.cost,
      note: 'Opening stock',
    });
  }
  // A purchase order on its way for two teas running low.
  const teaSupplier = suppliers.get('tea') as string;
  const low = await Promise.all(['DHP-100', 'PU-100'].map((sku) => getProductBySku(ctx, sku)));
  const main = await ctx.db.selectFrom('warehouses').select('id').where('code', '=', 'MAIN').executeTakeFirstOrThrow();
  const po = await createPurchaseOrder(ctx, {
    supplierId: teaSupplier,
    warehouseId: main.id,
    expectedOn: null,
    notes: '',
    lines: low.map((p) => ({
      productId: p.id,
      quantity: 24,
      unitCost: DEMO_PRODUCTS.find((d) => d.sku === p.sku)?.cost ?? 0,
    })),
  });
  await orderPurchaseOrder(ctx, po.id);

  for (const customer of DEMO_CUSTOMERS) await createCustomer(ctx, customer);
}
