import { Boxes, ClipboardList, Cog, ScanBarcode, TrendingUp, Truck, Users, type LucideIcon } from 'lucide-react';

export const AREAS = ['orders', 'counter', 'stock', 'shipments', 'forecasts', 'customers', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_ICONS: Record<Area, LucideIcon> = {
  orders: ClipboardList,
  counter: ScanBarcode,
  stock: Boxes,
  shipments: Truck,
  forecasts: TrendingUp,
  customers: Users,
  settings: Cog,
};

/** The area in the address (#/stock), so a reload stays where the person was. */
export function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return (AREAS as readonly string[]).includes(name) ? (name as Area) : 'orders';
}
