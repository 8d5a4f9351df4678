import { z } from 'zod';
import { checkBarcode } from './barcode';

/** A count of items: whole units, as stock is kept. */
export const quantitySchema = z.number().int().min(1).max(10_000_000);
/** Minor units of the store currency (fen, cents): never a float. */
export const moneySchema = z.number().int().min(0).max(1_000_000_000_000);

export const skuSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\s]+$/, 'No spaces in a SKU');

export const barcodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'Printable ASCII characters only')
  .superRefine((code, ctx) => {
    const check = checkBarcode(code);
    if (!check.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `The GTIN check digit is wrong: it should be ${check.expectedCheckDigit}`,
        params: { expectedCheckDigit: check.expectedCheckDigit },
      });
    }
  });

export const PRODUCT_STATUSES = ['active', 'archived'] as const;

const optionalMeasure = z.number().int().min(0).max(10_000_000).nullable();

/** A product's editable fields, as stored; `productCreateSchema` adds the defaults for a new one. */
const productFields = {
  sku: skuSchema,
  name: z.string().trim().min(1).max(300),
  description: z.string().max(10_000),
  barcode: barcodeSchema.nullable(),
  unitPrice: moneySchema,
  taxClass: z.string().trim().min(1).max(40),
  weightGrams: optionalMeasure,
  lengthMm: optionalMeasure,
  widthMm: optionalMeasure,
  heightMm: optionalMeasure,
  supplierId: z.string().min(1).nullable(),
  leadTimeDays: z.number().int().min(0).max(3650).nullable(),
  reorderPoint: z.number().int().min(0).max(10_000_000).nullable(),
  allowBackorder: z.boolean(),
  familyId: z.string().min(1).nullable(),
  optionValues: z.record(z.string().min(1).max(60), z.string().trim().min(1).max(120)).nullable(),
};

export const productFieldsSchema = z.object(productFields);

export const productCreateSchema = z.object({
  ...productFields,
  description: productFields.description.default(''),
  barcode: productFields.barcode.default(null),
  taxClass: productFields.taxClass.default('standard'),
  weightGrams: productFields.weightGrams.default(null),
  lengthMm: productFields.lengthMm.default(null),
  widthMm: productFields.widthMm.default(null),
  heightMm: productFields.heightMm.default(null),
  supplierId: productFields.supplierId.default(null),
  leadTimeDays: productFields.leadTimeDays.default(null),
  reorderPoint: productFields.reorderPoint.default(null),
  allowBackorder: productFields.allowBackorder.default(false),
  familyId: productFields.familyId.default(null),
  optionValues: productFields.optionValues.default(null),
});

export const productSchema = productFieldsSchema.extend({
  id: z.string(),
  cost: moneySchema,
  status: z.enum(PRODUCT_STATUSES),
  familyName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Product = z.infer<typeof productSchema>;

export const productFamilySchema = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  description: z.string(),
  optionNames: z.array(z.string()),
  createdAt: z.string(),
});

export type ProductFamily = z.infer<typeof productFamilySchema>;

const supplierFields = {
  name: z.string().trim().min(1).max(200),
  contactName: z.string().trim().max(200),
  email: z.union([z.literal(''), z.email()]),
  phone: z.string().trim().max(40),
  leadTimeDays: z.number().int().min(0).max(3650).nullable(),
  notes: z.string().max(5000),
};

export const supplierFieldsSchema = z.object(supplierFields);

export const supplierCreateSchema = z.object({
  ...supplierFields,
  contactName: supplierFields.contactName.default(''),
  email: supplierFields.email.default(''),
  phone: supplierFields.phone.default(''),
  leadTimeDays: supplierFields.leadTimeDays.default(null),
  notes: supplierFields.notes.default(''),
});

export const supplierSchema = supplierFieldsSchema.extend({
  id: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

export type Supplier = z.infer<typeof supplierSchema>;
