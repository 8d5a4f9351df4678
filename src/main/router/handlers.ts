import type { OperationName } from '../../shared/contract';
import type { Handler } from './handler-types';
import { cashUpHandlers, customerHandlers, orderHandlers, returnHandlers } from './sales-handlers';
import { forecastHandlers } from './forecast-handlers';
import { importHandlers } from './import-handlers';
import { orderImportHandlers } from './order-import-handlers';
import { packingHandlers, pickListHandlers } from './picking-handlers';
import { countHandlers, purchaseOrderHandlers, transferHandlers } from './receiving-handlers';
import { carrierHandlers, rateHandlers } from './shipping-handlers';
import { shipmentHandlers } from './shipment-handlers';
import { routeHandlers } from './route-handlers';
import { changeOwnSecret, needsSetup, setup, signIn, signOut } from '../services/auth';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens';
import { createFamily, listFamilies } from '../services/catalog/families';
import {
  createProduct,
  getProduct,
  getProductBySku,
  listProducts,
  lookupProduct,
  updateProduct,
} from '../services/catalog/products';
import { createSupplier, listSuppliers, updateSupplier } from '../services/catalog/suppliers';
import { getReservation, reserveStock, settleReservation } from '../services/inventory/reservations';
import { adjustStock, moveStock, receiveStock } from '../services/inventory/stock';
import { movementHistory, stockLevels, stockOverview } from '../services/inventory/stock-queries';
import { checkLedger, repairBalances } from '../services/inventory/verify-ledger';
import {
  createLocation,
  createWarehouse,
  listWarehouses,
  updateLocation,
  updateWarehouse,
} from '../services/inventory/warehouses';
import { renderDocuments } from '../services/documents/render-documents';
import { getSettings, updateSettings } from '../services/settings';
import { createUser, listUsers, resetSecret, updateUser } from '../services/users';
import { checkTrackingNumber } from '../../shared/tracking/tracking-numbers';

/** The one table from operation to service call. A missing entry fails to compile. */
export const handlers: { [Name in OperationName]: Handler<Name> } = {
  ...importHandlers,
  ...purchaseOrderHandlers,
  ...countHandlers,
  ...transferHandlers,
  ...customerHandlers,
  ...orderHandlers,
  ...orderImportHandlers,
  ...cashUpHandlers,
  ...returnHandlers,
  ...carrierHandlers,
  ...rateHandlers,
  ...pickListHandlers,
  ...packingHandlers,
  ...shipmentHandlers,
  ...routeHandlers,
  ...forecastHandlers,
  'documents.render': (ctx, input) => renderDocuments(ctx, input),
  'trackingNumbers.check': async (_ctx, input) => checkTrackingNumber(input.number, input.carrier),
  'system.health': async (ctx) => ({
    status: 'ok',
    version: ctx.app.version,
    schemaVersion: ctx.app.schemaVersion,
    time: new Date().toISOString(),
  }),
  'system.info': async (ctx) => ({
    version: ctx.app.version,
    databasePath: ctx.app.databasePath,
    schemaVersion: ctx.app.schemaVersion,
    transport: ctx.transport,
  }),

  'auth.status': async (ctx) => {
    const fresh = await needsSetup(ctx);
    return { needsSetup: fresh, user: ctx.actor, storeName: fresh ? null : (await getSettings(ctx)).storeName };
  },
  'auth.setup': (ctx, input) => setup(ctx, input),
  'auth.signIn': (ctx, input) => signIn(ctx, ctx.app.throttle, input),
  'auth.signOut': async (ctx) => {
    await signOut(ctx, ctx.credential);
    return { ok: true };
  },
  'auth.changeSecret': async (ctx, input) => {
    await changeOwnSecret(ctx, ctx.app.throttle, ctx.credential, input);
    return { ok: true };
  },

  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.resetSecret': async (ctx, input) => {
    await resetSecret(ctx, input.id, input.secret);
    return { ok: true };
  },

  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),

  'apiTokens.list': (ctx) => listApiTokens(ctx),
  'apiTokens.create': (ctx, input) => createApiToken(ctx, input),
  'apiTokens.revoke': (ctx, input) => revokeApiToken(ctx, input.id),

  'suppliers.list': (ctx) => listSuppliers(ctx),
  'suppliers.create': (ctx, input) => createSupplier(ctx, input),
  'suppliers.update': (ctx, { id, ...change }) => updateSupplier(ctx, id, change),

  'productFamilies.list': (ctx) => listFamilies(ctx),
  'productFamilies.create': (ctx, input) => createFamily(ctx, input),

  'products.list': (ctx, input) =>
    listProducts(ctx, {
      ...input,
      sort: { field: input.sortField, direction: input.sortDirection },
    }),
  'products.get': (ctx, input) => getProduct(ctx, input.id),
  'products.getBySku': (ctx, input) => getProductBySku(ctx, input.sku),
  'products.lookup': (ctx, input) => lookupProduct(ctx, input.code),
  'products.create': (ctx, input) => createProduct(ctx, input),
  'products.update': (ctx, { id, ...change }) => updateProduct(ctx, id, change),

  'warehouses.list': (ctx) => listWarehouses(ctx),
  'warehouses.create': (ctx, input) => createWarehouse(ctx, input),
  'warehouses.update': (ctx, { id, ...change }) => updateWarehouse(ctx, id, change),
  'warehouses.createLocation': (ctx, input) => createLocation(ctx, input),
  'warehouses.updateLocation': (ctx, { id, ...change }) => updateLocation(ctx, id, change),

  'stock.levels': (ctx, input) => stockLevels(ctx, input),
  'stock.overview': (ctx, input) =>
    stockOverview(ctx, { ...input, sort: { field: input.sortField, direction: input.sortDirection } }),
  'stock.movements': (ctx, input) => movementHistory(ctx, input),
  'stock.adjust': (ctx, input) => adjustStock(ctx, input),
  'stock.receive': (ctx, input) => receiveStock(ctx, input),
  'stock.move': (ctx, input) => moveStock(ctx, input),
  'stock.reserve': async (ctx, input) => getReservation(ctx, await reserveStock(ctx, input)),
  'stock.reservation': (ctx, input) => getReservation(ctx, input.id),
  'stock.release': async (ctx, input) => {
    await settleReservation(ctx, { ...input, as: 'release' });
    return getReservation(ctx, input.id);
  },
  'stock.consume': async (ctx, input) => {
    await settleReservation(ctx, { ...input, as: 'consume' });
    return getReservation(ctx, input.id);
  },
  'stock.verify': (ctx) => checkLedger(ctx),
  'stock.repair': (ctx) => repairBalances(ctx),
};
