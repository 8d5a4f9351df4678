import { z } from 'zod';
import type { Access } from '../roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of the contract. `kind` decides how the router runs it: a command
 * runs inside one database transaction, a query reads without one.
 */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  kind: 'query' | 'command';
  access: Access;
  input: I;
  output: O;
  /**
   * An optional readable REST route beside `POST /api/<namespace>.<name>`.
   * Path parameters (`:id`) and, for GET, query parameters fill the input.
   */
  http?: { method: HttpMethod; path: `/${string}` };
  /**
   * For a command whose handler opens its own short write transaction, because slow
   * work before it (hashing a PIN) must not hold the database for everyone else.
   */
  ownTransaction?: true;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(definition: Operation<I, O>): Operation<I, O> {
  return definition;
}

export type Namespace = Record<string, Operation>;
export type ContractShape = Record<string, Namespace>;

/** A flag that also reads "true" and "false" from a query string (z.coerce.boolean would read "false" as true). */
export const queryFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);
