import type { z } from 'zod';
import { apiTokens } from './api-tokens';
import { auth } from './auth';
import { productFamilies, products, suppliers } from './catalog';
import type { ContractShape, Operation } from './define';
import { counts } from './counts';
import { carriers } from './carriers';
import { packing, pickLists } from './picking';
import { customers } from './customers';
import { routes } from './delivery-routes';
import { forecasts } from './forecasts';
import { documents } from './documents';
import { imports } from './imports';
import { orderImports } from './order-imports';
import { cashUps, orders } from './orders';
import { stock, warehouses } from './inventory';
import { purchaseOrders } from './purchasing';
import { rates } from './rates';
import { returns } from './returns';
import { settings } from './settings';
import { shipments } from './shipments';
import { system } from './system';
import { trackingNumbers } from './tracking-numbers';
import { transfers } from './transfers';
import { users } from './users';

/** Every operation the main process offers, by namespace and name. */
export const contract = {
  system,
  auth,
  users,
  settings,
  apiTokens,
  suppliers,
  productFamilies,
  products,
  warehouses,
  stock,
  imports,
  purchaseOrders,
  counts,
  transfers,
  customers,
  orders,
  orderImports,
  cashUps,
  returns,
  trackingNumbers,
  carriers,
  rates,
  pickLists,
  packing,
  shipments,
  routes,
  forecasts,
  documents,
} satisfies ContractShape;

export type Contract = typeof contract;
export type NamespaceName = keyof Contract;
export type OperationName = {
  [N in NamespaceName]: `${N & string}.${keyof Contract[N] & string}`;
}[NamespaceName];

type OperationAt<Name extends OperationName> = Name extends `${infer N}.${infer O}`
  ? N extends NamespaceName
    ? O extends keyof Contract[N]
      ? Contract[N][O]
      : never
    : never
  : never;

/** What a caller passes (before defaults and trimming). */
export type InputOf<Name extends OperationName> = z.input<OperationAt<Name>['input']>;
/** What a handler receives, after the contract's schema has parsed it. */
export type ParsedInputOf<Name extends OperationName> = z.output<OperationAt<Name>['input']>;
export type OutputOf<Name extends OperationName> = z.output<OperationAt<Name>['output']>;

export function findOperation(name: string): Operation | undefined {
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const shape: ContractShape = contract;
  const [namespace, operation] = [name.slice(0, dot), name.slice(dot + 1)];
  if (!Object.hasOwn(shape, namespace) || !Object.hasOwn(shape[namespace], operation)) return undefined;
  return shape[namespace][operation];
}

export function listOperations(): Array<{ name: OperationName; operation: Operation }> {
  return Object.entries(contract as ContractShape).flatMap(([namespace, operations]) =>
    Object.entries(operations).map(([name, operation]) => ({
      name: `${namespace}.${name}` as OperationName,
      operation,
    })),
  );
}

export type { Operation } from './define';
