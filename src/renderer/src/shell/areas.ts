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

/** The area named first in the address (#/stock/…), so a reload stays where the person was. */
export function areaFromPath(first: string | undefined): Area {
  return (AREAS as readonly string[]).includes(first ?? '') ? (first as Area) : 'orders';
}
