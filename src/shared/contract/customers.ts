import { z } from 'zod';
import { customerCreateSchema, customerFieldsSchema, customerSchema, WALK_IN_CUSTOMER_ID } from '../domain/customers';
import { STAFF } from '../roles';
import { operation } from './define';

export const customers = {
  list: operation({
    summary: 'Customers a page at a time, searched by name, phone (however it is written) or email; walk-in first.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      search: z.string().max(200).optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(customerSchema), total: z.number() }),
    http: { method: 'GET', path: '/customers' },
  }),
  get: operation({
    summary: `One customer with their addresses (the walk-in customer is ${WALK_IN_CUSTOMER_ID}).`,
    kind: 'query',
    access: STAFF,
    input: z.object({ id: z.string().min(1) }),
    output: customerSchema,
    http: { method: 'GET', path: '/customers/:id' },
  }),
  findDuplicates: operation({
    summary:
      'Customers with the same phone number (its last eight digits) or email: the warning shown while a new one is typed.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      phone: z.string().max(40).optional(),
      email: z.string().max(200).optional(),
      excludeId: z.string().optional(),
    }),
    output: z.array(customerSchema),
  }),
  create: operation({
    summary: 'Add a customer; likely duplicates (same phone or email) are returned as a warning, not refused.',
    kind: 'command',
    access: STAFF,
    input: customerCreateSchema,
    output: z.object({ customer: customerSchema, possibleDuplicates: z.array(customerSchema) }),
    http: { method: 'POST', path: '/customers' },
  }),
  update: operation({
    summary: 'Change a customer (addresses are replaced when given), or deactivate them.',
    kind: 'command',
    access: STAFF,
    input: customerFieldsSchema.partial().extend({ id: z.string().min(1), active: z.boolean().optional() }),
    output: customerSchema,
    http: { method: 'PATCH', path: '/customers/:id' },
  }),
  storeCredit: operation({
    summary: 'A customer’s store credit: the balance and every entry (credit given by refunds, spent on orders).',
    kind: 'query',
    access: STAFF,
    input: z.object({ id: z.string().min(1) }),
    output: z.object({
      balance: z.number(),
      entries: z.array(
        z.object({
          id: z.string(),
          amount: z.number(),
          orderId: z.string().nullable(),
          orderNumber: z.string().nullable(),
          note: z.string(),
          createdAt: z.string(),
        }),
      ),
    }),
    http: { method: 'GET', path: '/customers/:id/store-credit' },
  }),
};
