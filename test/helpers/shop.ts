import type { Client } from '../../src/shared/client';
import type { Product } from '../../src/shared/domain/catalog';
import type { Warehouse } from '../../src/shared/domain/inventory';

/** A warehouse with bins and B-01 besides its default location. */
export async function warehouseWithBins(client: Client, code = 'MAIN'): Promise<Warehouse> {
  const warehouse = await client.warehouses.create({ code, name: `${code} warehouse` });
  for (const bin of ['A-01', 'A-02', 'B-01']) {
    await client.warehouses.createLocation({ warehouseId: warehouse.id, code: bin });
  }
  return (await client.warehouses.list({})).find((w) => w.id === warehouse.id) as Warehouse;
}

export function bin(warehouse: Warehouse, code: string): string {
  const found = warehouse.locations.find((l) => l.code === code);
  if (!found) throw new Error(`no bin ${code} in ${warehouse.code}`);
  return found.id;
}

let counter = 0;

export async function product(
  client: Client,
  fields: Partial<Parameters<Client['products']['create']>[0]> = {},
): Promise<Product> {
  counter += 1;
  return client.products.create({ sku: `SKU-${counter}`, name: `Product ${counter}`, unitPrice: 1000, ...fields });
}
