import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_api_tokens';
import * as m0003 from './0003_catalog';
import * as m0004 from './0004_stock_ledger';
import * as m0005 from './0005_receiving_counts_transfers';
import * as m0006 from './0006_customers';
import * as m0007 from './0007_orders';
import * as m0008 from './0008_returns';
import * as m0009 from './0009_carriers';
import * as m0010 from './0010_shipments';
import * as m0011 from './0011_rate_rules';
import * as m0012 from './0012_pick_lists';
import * as m0013 from './0013_shipment_events';
import * as m0014 from './0014_delivery_routes';
import * as m0015 from './0015_forecasts';

/**
 * Every migration, in order. A static list rather than a folder scan, so the bundler
 * sees each file. Forward-only: a shipped migration is never edited, only followed.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_api_tokens': m0002,
  '0003_catalog': m0003,
  '0004_stock_ledger': m0004,
  '0005_receiving_counts_transfers': m0005,
  '0006_customers': m0006,
  '0007_orders': m0007,
  '0008_returns': m0008,
  '0009_carriers': m0009,
  '0010_shipments': m0010,
  '0011_rate_rules': m0011,
  '0012_pick_lists': m0012,
  '0013_shipment_events': m0013,
  '0014_delivery_routes': m0014,
  '0015_forecasts': m0015,
};
