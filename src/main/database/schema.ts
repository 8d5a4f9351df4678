import type { Generated } from 'kysely';
import type { Role } from '../../shared/roles';
import type {
  FulfilmentStatus,
  OrderChannel,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
} from '../../shared/domain/orders';
import type { ReturnCondition, ReturnStatus } from '../../shared/domain/returns';
import type { RoundingMode } from '../../shared/domain/rounding';
import type { CarrierKind } from '../../shared/domain/carriers';
import type { ShipmentStage, TrackingStatus } from '../../shared/domain/shipments';
import type { TransitCalendar } from '../../shared/shipping/rules';
import type { PickListStatus, ShortReason } from '../../shared/domain/picking';
import type { TrackingEventSource } from '../../shared/domain/tracking-events';
import type { DemandBucket, ForecastRunStatus } from '../../shared/domain/forecasts';

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
  delivery_vehicles: DeliveryVehiclesTable;
  delivery_stops: DeliveryStopsTable;
  route_plans: RoutePlansTable;
  route_plan_routes: RoutePlanRoutesTable;
  route_plan_stops: RoutePlanStopsTable;
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
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  payments: PaymentsTable;
  store_credit_entries: StoreCreditEntriesTable;
  cash_ups: CashUpsTable;
  order_events: OrderEventsTable;
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  carriers: CarriersTable;
  carrier_services: CarrierServicesTable;
  shipments: ShipmentsTable;
  shipment_lines: ShipmentLinesTable;
  rate_rules: RateRulesTable;
  pick_lists: PickListsTable;
  pick_list_orders: PickListOrdersTable;
  pick_list_lines: PickListLinesTable;
  pick_list_allocations: PickListAllocationsTable;
  shipment_events: ShipmentEventsTable;
  shipment_stock_issues: ShipmentStockIssuesTable;
  forecast_runs: ForecastRunsTable;
  forecasts: ForecastsTable;
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
  /** Where delivery routes start and end; null until someone enters it. */
  latitude: number | null;
  longitude: number | null;
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

export interface OrdersTable {
  id: string;
  number: string;
  channel: OrderChannel;
  /** Where an imported order came from ('shopify', 'csv'); empty for orders taken here. */
  source: string;
  terminal: string;
  status: OrderStatus;
  payment_status: PaymentStatus;
  fulfilment_status: FulfilmentStatus;
  customer_id: string;
  customer_name: string;
  customer_phone_tail: string;
  warehouse_id: string | null;
  currency: string;
  prices_include_tax: number;
  rounding: RoundingMode;
  /** JSON of the order-level discount as entered, or null. */
  order_discount: string | null;
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  shipping_tax: number;
  tax_total: number;
  grand_total: number;
  /** JSON: [{ taxClass, rateBasisPoints, taxable, tax }]. */
  taxes: string;
  paid_total: Generated<number>;
  refunded_total: Generated<number>;
  ships: number;
  shipping_method: string;
  /** The carrier service chosen for the order (Shipping → rates), if one was. */
  carrier_service_id: Generated<string | null>;
  shipping_amount: number;
  shipping_tax_class: string;
  /** JSON addresses, copied onto the order so a later change to the customer leaves it alone. */
  shipping_address: string | null;
  billing_address: string | null;
  notes: string;
  promised_date: string | null;
  hold_reason: Generated<string>;
  placed_at: string;
  confirmed_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string | null;
  sku: string;
  name: string;
  unit_price: number;
  quantity: number;
  discount: string | null;
  gross: number;
  line_discount: number;
  order_discount: number;
  total: number;
  tax: number;
  tax_class: string;
  rate_basis_points: number;
  reservation_id: string | null;
  fulfilled_quantity: Generated<number>;
  returned_quantity: Generated<number>;
}

export interface PaymentsTable {
  id: string;
  order_id: string;
  kind: 'payment' | 'refund';
  method: PaymentMethod;
  /** Always positive; a refund's kind says which way the money went. */
  amount: number;
  tendered: number | null;
  change_given: number;
  reference: string;
  refund_of: string | null;
  /** On a payment: how much of it has been refunded since. */
  refunded: Generated<number>;
  terminal: string;
  /** The shop's calendar day (YYYYMMDD) the money changed hands: what cash-up counts. */
  business_day: string;
  created_by: string | null;
  created_at: string;
}

export interface StoreCreditEntriesTable {
  id: string;
  customer_id: string;
  /** Positive when credit is given, negative when spent. */
  amount: number;
  order_id: string | null;
  payment_id: string | null;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface CashUpsTable {
  id: string;
  terminal: string;
  business_day: string;
  opening_float: number;
  cash_sales: number;
  cash_refunds: number;
  expected: number;
  counted: number;
  difference: number;
  note: string;
  counted_by: string | null;
  created_at: string;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  at: string;
  user_id: string | null;
  kind: string;
  details: string | null;
}

export interface ReturnsTable {
  id: string;
  number: string;
  customer_id: string;
  status: ReturnStatus;
  replacement_order_id: string | null;
  currency: string;
  refund_total: Generated<number>;
  refund_tax: Generated<number>;
  shipping_refund: Generated<number>;
  refund_to: 'original' | 'store_credit' | null;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReturnLinesTable {
  id: string;
  return_id: string;
  line_no: number;
  order_id: string;
  order_line_id: string;
  product_id: string | null;
  sku: string;
  name: string;
  quantity: number;
  reason: string;
  /** Set on inspection. */
  condition: Generated<ReturnCondition | ''>;
  inspection_note: Generated<string>;
  /** Set when the goods are put back on a shelf or scrapped. */
  disposition: Generated<'restock' | 'scrap' | ''>;
  location_id: string | null;
  /** This line's share of what was charged, tax included, and the tax inside it. */
  refund_amount: number;
  refund_tax: number;
}

export interface CarriersTable {
  id: string;
  /** Stable handle for imports, rate rules and shipments. */
  code: string;
  name: string;
  kind: CarrierKind;
  /** Which tracking-number formats check this carrier's numbers; null: none do. */
  tracking_format: string | null;
  /** The public tracking page; `%s` is the number. */
  tracking_url: string | null;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface CarrierServicesTable {
  id: string;
  carrier_id: string;
  code: string;
  name: string;
  /** cm³ per kg for volumetric weight; 0: the service charges by actual weight only. */
  volumetric_divisor: number;
  /** The country parcels must leave from; '' for any. */
  origin_country: Generated<string>;
  /** Parcels ready at or after this local hour leave the next day the carrier works; 24: no cut-off. */
  cutoff_hour: Generated<number>;
  transit_calendar: Generated<TransitCalendar>;
  oversize_longest_mm: number | null;
  oversize_girth_mm: number | null;
  oversize_fee: Generated<number>;
  remote_fee: Generated<number>;
  /** JSON: the zones (src/shared/shipping/rules.ts) that pay the remote-area fee. */
  remote_areas: Generated<string>;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface ShipmentsTable {
  id: string;
  number: string;
  order_id: string;
  warehouse_id: string;
  stage: ShipmentStage;
  /** Derived from the shipment's tracking events; null until shipped. */
  tracking_status: TrackingStatus | null;
  carrier_id: string | null;
  carrier_service_id: string | null;
  tracking_number: string | null;
  /** 1: the number passed the carrier's check; 0: the carrier has none, or it was skipped on purpose. */
  tracking_verified: Generated<number>;
  weight_grams: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  /** What the carrier charges the shop, in minor units, where known. */
  shipping_cost: number | null;
  /** Copied from the order: a shipment past it and not delivered is late. */
  promised_date: string | null;
  packed_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  last_event_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShipmentLinesTable {
  id: string;
  shipment_id: string;
  order_line_id: string;
  product_id: string | null;
  quantity: number;
}

/** One line of a service's price list: a zone and a weight bracket (src/shared/shipping/rules.ts). */
export interface RateRulesTable {
  id: string;
  service_id: string;
  zone_name: string;
  /** JSON arrays: ISO country codes; region codes; postcode prefixes (empty: the whole country). */
  countries: string;
  regions: string;
  postcode_prefixes: string;
  /** The bracket: billable weight above the minimum, up to and including the maximum (null: no limit). */
  min_weight_grams: number;
  max_weight_grams: number | null;
  base_weight_grams: number;
  base_price: number;
  step_grams: number;
  step_price: number;
  minimum_charge: number;
  free_over: number | null;
  transit_days_min: number;
  transit_days_max: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface DeliveryVehiclesTable {
  id: string;
  name: string;
  /** Null: no weight limit. */
  capacity_grams: number | null;
  /** Null: no volume limit. */
  capacity_cm3: number | null;
  /** "HH:MM" it leaves the warehouse. */
  start_time: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PickListsTable {
  id: string;
  number: string;
  warehouse_id: string;
  status: PickListStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** When it was completed or cancelled. */
  finished_at: string | null;
}

export interface PickListOrdersTable {
  pick_list_id: string;
  order_id: string;
  /** The put-wall slot or tote this order's units go into, 1, 2, 3… in the order the list was made. */
  tote: number;
  /** 1: the order was cancelled while on the list; its units no longer count. */
  withdrawn: Generated<number>;
}

export interface PickListLinesTable {
  id: string;
  pick_list_id: string;
  /** Walk order: bins by natural sort of their codes. */
  seq: number;
  product_id: string;
  location_id: string;
  quantity: number;
  picked_quantity: Generated<number>;
  /** Set when the picker closes the line with fewer than asked. */
  short_reason: ShortReason | null;
}

export interface PickListAllocationsTable {
  pick_list_line_id: string;
  order_line_id: string;
  order_id: string;
  quantity: number;
}

export interface ShipmentEventsTable {
  id: string;
  shipment_id: string;
  status: TrackingStatus;
  /** The carrier's time of the event (ISO-8601 UTC), not when it reached us. */
  occurred_at: string;
  location: Generated<string>;
  description: Generated<string>;
  source: TrackingEventSource;
  /** The sender's own id of the event, where it has one: sending it again adds nothing. */
  external_id: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** What a shipped parcel took out of which bin: voiding it returns exactly these units. */
export interface ShipmentStockIssuesTable {
  id: string;
  shipment_id: string;
  order_line_id: string;
  product_id: string;
  location_id: string;
  quantity: number;
}

export interface DeliveryStopsTable {
  id: string;
  warehouse_id: string;
  /** "YYYY-MM-DD". */
  delivery_date: string;
  order_id: string | null;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  weight_grams: number;
  volume_cm3: number;
  /** "HH:MM", both or neither. */
  window_start: string | null;
  window_end: string | null;
  service_minutes: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface RoutePlansTable {
  id: string;
  warehouse_id: string;
  delivery_date: string;
  distance_m: number;
  average_speed_kmh: number;
  time_budget_ms: number;
  seed: number;
  iterations: number;
  solve_ms: number;
  /** 1 once a stop, vehicle or the depot changed after planning. */
  stale: Generated<number>;
  planned_by: string | null;
  planned_at: string;
}

export interface RoutePlanRoutesTable {
  id: string;
  plan_id: string;
  position: number;
  vehicle_id: string | null;
  vehicle_name: string;
  distance_m: number;
  load_grams: number;
  load_cm3: number;
  departs_at: string;
  returns_at: string;
}

export interface RoutePlanStopsTable {
  id: string;
  plan_id: string;
  route_id: string | null;
  stop_id: string;
  sequence: number | null;
  arrives_at: string | null;
  /** From the previous stop (or the warehouse). */
  distance_m: number | null;
  /** Why the stop is on no route: "no_coordinates" or "no_room". */
  left_out: 'no_coordinates' | 'no_room' | null;
}

export interface ForecastRunsTable {
  id: string;
  bucket: DemandBucket;
  status: ForecastRunStatus;
  series_total: number;
  series_done: number;
  /** Series the engine could not forecast (their earlier forecast, if any, stays). */
  series_failed: number;
  failure: string | null;
  created_by: string | null;
  started_at: string;
  finished_at: string | null;
  elapsed_ms: number | null;
}

export interface ForecastsTable {
  product_id: string;
  /** A warehouse id, or 'all' for every warehouse together. */
  scope: string;
  bucket: DemandBucket;
  /** Null when the series was recomputed on its own (a chart), outside a run. */
  run_id: string | null;
  method: string;
  /** ISO date of the first history bucket and of the first forecast bucket. */
  history_start: string;
  forecast_start: string;
  season: number | null;
  /** JSON: { forecast, lo80, hi80, lo95, hi95 } arrays, one per future bucket. */
  forecast: string;
  smape: number | null;
  mase: number | null;
  origins: number;
  /** Root mean square of the one-step fitted errors on uncensored buckets: what safety stock is sized from. */
  rmse: number | null;
  /** Forecast demand over the next 30 days. */
  next30: number;
  computed_at: string;
  elapsed_ms: number;
}
