import { z } from 'zod';
import {
  PRODUCT_STATUSES,
  productCreateSchema,
  productFamilySchema,
  productFieldsSchema,
  productSchema,
  supplierCreateSchema,
  supplierFieldsSchema,
  supplierSchema,
} from '../domain/catalog';
import { MANAGERS, STAFF } from '../roles';
import { operation } from './define';

const idInput = z.object({ id: z.string().min(1) });

export const suppliers = {
  list: operation({
    summary: 'Every supplier, active or not.',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: z.array(supplierSchema),
    http: { method: 'GET', path: '/suppliers' },
  }),
  create: operation({
    summary: 'Add a supplier.',
    kind: 'command',
    access: MANAGERS,
    input: supplierCreateSchema,
    output: supplierSchema,
    http: { method: 'POST', path: '/suppliers' },
  }),
  update: operation({
    summary: 'Change a supplier, or deactivate it.',
    kind: 'command',
    access: MANAGERS,
    input: supplierFieldsSchema.partial().extend({ id: z.string().min(1), active: z.boolean().optional() }),
    output: supplierSchema,
    http: { method: 'PATCH', path: '/suppliers/:id' },
  }),
};

export const productFamilies = {
  list: operation({
    summary: 'Product families: the parents that group variants (size, colour…).',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: z.array(productFamilySchema),
  }),
  create: operation({
    summary: 'Create a family with the names of its options; its variants are products that name it.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      handle: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Lowercase letters, digits and dashes'),
      name: z.string().trim().min(1).max(300),
      description: z.string().max(10_000).default(''),
      optionNames: z.array(z.string().trim().min(1).max(60)).min(1).max(3),
    }),
    output: productFamilySchema,
  }),
};

const listInput = z.object({
  search: z.string().max(200).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  supplierId: z.string().min(1).optional(),
  familyId: z.string().min(1).optional(),
  sortField: z.enum(['sku', 'name', 'unitPrice', 'updatedAt']).default('sku'),
  sortDirection: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const products = {
  list: operation({
    summary: 'Products a page at a time, searched by SKU, barcode or name (any language) as a person types.',
    kind: 'query',
    access: STAFF,
    input: listInput,
    output: z.object({ rows: z.array(productSchema), total: z.number() }),
    http: { method: 'GET', path: '/products' },
  }),
  get: operation({
    summary: 'One product by id.',
    kind: 'query',
    access: STAFF,
    input: idInput,
    output: productSchema,
    http: { method: 'GET', path: '/products/:id' },
  }),
  getBySku: operation({
    summary: 'One product by SKU.',
    kind: 'query',
    access: STAFF,
    input: z.object({ sku: z.string().trim().min(1) }),
    output: productSchema,
    http: { method: 'GET', path: '/products/sku/:sku' },
  }),
  lookup: operation({
    summary: 'What a scanner read: the product with this barcode, else this SKU.',
    kind: 'query',
    access: STAFF,
    input: z.object({ code: z.string().trim().min(1).max(64) }),
    output: productSchema,
  }),
  create: operation({
    summary: 'Add a product (a variant when it names a family and its option values).',
    kind: 'command',
    access: MANAGERS,
    input: productCreateSchema,
    output: productSchema,
    http: { method: 'POST', path: '/products' },
  }),
  update: operation({
    summary: 'Change a product, or archive or restore it.',
    kind: 'command',
    access: MANAGERS,
    input: productFieldsSchema.partial().extend({ id: z.string().min(1), status: z.enum(PRODUCT_STATUSES).optional() }),
    output: productSchema,
    http: { method: 'PATCH', path: '/products/:id' },
  }),
};
