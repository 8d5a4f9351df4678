import type { Generated } from 'kysely';
import type { Role } from '../../shared/roles';

/**
 * The typed shape of every table. Timestamps are ISO-8601 UTC strings and flags are
 * 0/1 integers, so the same columns work on SQLite and PostgreSQL.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  suppliers: SuppliersTable;
  product_families: ProductFamiliesTable;
  products: ProductsTable;
  product_search: ProductSearchTable;
  warehouses: WarehousesTable;
  locations: LocationsTable;
  stock_movements: StockMovementsTable;
  stock_balances: StockBalancesTable;
  stock_summaries: StockSummariesTable;
  stock_reservations: StockReservationsTable;
  stock_reservation_allocations: StockReservationAllocationsTable;
  document_sequences: DocumentSequencesTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  stock_counts: StockCountsTable;
  stock_count_locations: StockCountLocationsTable;
  stock_count_lines: StockCountLinesTable;
  transfers: TransfersTable;
  transfer_lines: TransferLinesTable;
  customers: CustomersTable;
  customer_addresses: CustomerAddressesTable;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  secret_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  user_id: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SettingsTable {
  key: string;
  /** JSON text of the value. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON text with what changed. */
  details: string | null;
}

export interface SuppliersTable {
  id: string;
  name: string;
  contact_name: string;
  email: string;
  phone: string;
  lead_time_days: number | null;
  notes: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ProductFamiliesTable {
  id: string;
  handle: string;
  name: string;
  description: string;
  /** JSON array of option names, e.g. ["Size","Colour"]. */
  option_names: string;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  sku: string;
  family_id: string | null;
  /** JSON object of option values, e.g. {"Size":"M"}. */
  option_values: string | null;
  name: string;
  description: string;
  barcode: string | null;
  /** Minor units of the store currency. */
  unit_price: number;
  /** Weighted average cost, minor units. */
  cost: number;
  tax_class: string;
  weight_grams: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  supplier_id: string | null;
  lead_time_days: number | null;
  reorder_point: number | null;
  allow_backorder: number;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

/** The FTS5 index over products (SQLite only), kept by triggers. */
export interface ProductSearchTable {
  product_id: string;
  sku: string;
  barcode: string;
  name: string;
}

export interface WarehousesTable {
  id: string;
  code: string;
  name: string;
  address: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface LocationsTable {
  id: string;
  warehouse_id: string;
  code: string;
  name: string;
  /** Where stock lands when no bin is named (one per warehouse). */
  is_default: number;
  active: number;
  created_at: string;
}

export type MovementKind =
  'receipt' | 'issue' | 'adjust' | 'reserve' | 'release' | 'transfer_out' | 'transfer_in' | 'return' | 'count';

export interface StockMovementsTable {
  seq: Generated<number>;
  id: string;
  at: string;
  product_id: string;
  location_id: string;
  kind: MovementKind;
  on_hand_delta: number;
  reserved_delta: number;
  unit_cost: number | null;
  reason: string | null;
  reference_type: string | null;
  reference_id: string | null;
  user_id: string | null;
  note: string | null;
}

export interface StockBalancesTable {
  product_id: string;
  location_id: string;
  on_hand: number;
  reserved: number;
  updated_at: string;
}

/** Totals of a product in one warehouse (scope = warehouse id) or in all (scope = 'all'). */
export interface StockSummariesTable {
  product_id: string;
  scope: string;
  on_hand: number;
  reserved: number;
  available: number;
  /** A copy of the product's reorder point, for the low-stock index. */
  reorder_point: number | null;
}

export interface StockReservationsTable {
  id: string;
  product_id: string;
  warehouse_id: string;
  quantity: number;
  /** Still held: quantity less what was released or consumed. */
  open_quantity: number;
  status: 'open' | 'released' | 'consumed';
  reference_type: string | null;
  reference_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface StockReservationAllocationsTable {
  reservation_id: string;
  location_id: string;
  quantity: number;
}

export interface DocumentSequencesTable {
  kind: string;
  /** YYYYMMDD */
  day: string;
  last: number;
}

export type PurchaseOrderStatus = 'draft' | 'ordered' | 'partially_received' | 'received' | 'closed' | 'cancelled';

export interface PurchaseOrdersTable {
  id: string;
  number: string;
  supplier_id: string;
  warehouse_id: string;
  status: PurchaseOrderStatus;
  expected_on: string | null;
  notes: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  ordered_at: string | null;
  closed_at: string | null;
}

export interface PurchaseOrderLinesTable {
  id: string;
  purchase_order_id: string;
  line_no: number;
  product_id: string;
  quantity_ordered: number;
  quantity_received: number;
  /** Minor units per unit, as agreed with the supplier. */
  unit_cost: number;
}

export type StockCountStatus = 'open' | 'posted' | 'cancelled';

export interface StockCountsTable {
  id: string;
  number: string;
  warehouse_id: string;
  status: StockCountStatus;
  /** Counters do not see the expected quantities. */
  blind: number;
  created_by: string | null;
  created_at: string;
  posted_at: string | null;
}

export interface StockCountLocationsTable {
  count_id: string;
  location_id: string;
}

export interface StockCountLinesTable {
  count_id: string;
  product_id: string;
  location_id: string;
  counted: number;
  /** On hand in the bin when the product was first counted there. */
  expected: number;
  counted_by: string | null;
  updated_at: string;
}

export type TransferStatus = 'draft' | 'in_transit' | 'received' | 'cancelled';

export interface TransfersTable {
  id: string;
  number: string;
  from_warehouse_id: string;
  to_warehouse_id: string;
  status: TransferStatus;
  notes: string;
  created_by: string | null;
  created_at: string;
  shipped_at: string | null;
  received_at: string | null;
}

export interface TransferLinesTable {
  transfer_id: string;
  line_no: number;
  product_id: string;
  quantity: number;
  quantity_received: number;
}

export interface CustomersTable {
  id: string;
  name: string;
  phone: string;
  /** The phone's digits only, for searching. */
  phone_digits: string;
  /** The last eight digits, for finding duplicates with or without a country code. */
  phone_tail: string;
  email: string;
  /** The email trimmed and lowercased, for finding duplicates. */
  email_key: string;
  /** JSON array of tags. */
  tags: string;
  notes: string;
  is_walk_in: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  kind: 'shipping' | 'billing';
  recipient: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  is_default: number;
}
