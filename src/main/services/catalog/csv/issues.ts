import type { ImportIssue } from '../../../../shared/contract/imports';

type Params = Record<string, string | number>;
export type IssueMessages = Record<string, string>;

/**
 * The English sentence of each issue code; the UI has its own per language under
 * `imports.issue.<code>` with the same {{params}}. Another import (the orders') adds
 * its own codes to these and passes the whole table.
 */
export const ISSUE_MESSAGES: IssueMessages = {
  // The file as a whole
  emptyFile: 'The file has no header row or no data rows',
  tooManyRows: 'The file has more than {{max}} rows: split it',
  readAsGb18030:
    'The file is not UTF-8: it was read as GB18030 (GBK), as Chinese Excel saves it; check the Chinese text',
  readAsUtf16: 'The file is UTF-16 (Excel "Unicode text"); it was read as such',
  csvBroken: 'The CSV cannot be read past line {{line}}: {{detail}}',
  missingColumn: 'The column "{{column}}" is missing',
  looksLikeOtherFormat: 'This file looks like a {{guess}} file: choose that format',
  duplicateColumn: 'The column "{{column}}" appears twice; only the first is read',
  ignoredColumn: 'The column "{{column}}" is not imported',
  unknownWarehouse: 'No warehouse has the code {{code}} (column "{{column}}")',
  inactiveWarehouse: 'The warehouse {{code}} is not active',
  chooseWarehouse: 'The file has stock quantities: choose the warehouse that receives them',
  unitUnsupported: 'The unit "{{unit}}" is not converted: export weights in kg or g and sizes in cm or mm',
  // One cell
  required: 'The {{column}} is required',
  invalidField: '{{column}}: {{detail}}',
  skuSpaces: 'A SKU has no spaces: "{{value}}"',
  tooLong: '{{column}} is longer than {{max}} characters',
  dateLike: '"{{value}}" in {{column}} looks like a date a spreadsheet made; check the original',
  notNumber: '{{column}}: "{{value}}" is not a number',
  notWhole: '{{column}}: "{{value}}" is not a whole number',
  negative: '{{column}}: "{{value}}" is below zero',
  tooLarge: '{{column}}: "{{value}}" is more than {{max}}',
  rounded: '{{column}}: {{value}} was rounded to {{result}}',
  notBoolean: '{{column}}: "{{value}}" is not yes or no',
  badStatus: '{{column}}: "{{value}}" is not a status we know',
  priceInvalid: '{{column}}: "{{value}}" is not a price',
  priceCurrency: '{{column}}: "{{value}}" is not in the shop\'s currency ({{currency}})',
  priceDecimals: '{{column}}: "{{value}}" has more decimals than {{currency}} has ({{digits}})',
  decimalComma: '{{column}}: "{{value}}" was read as {{result}} (a decimal comma)',
  barcodeScientific:
    'The barcode "{{value}}" is in scientific notation: a spreadsheet rounded it and its digits are lost. Format the column as text and export again',
  barcodeCheckDigit: 'The barcode {{value}} has a wrong GTIN check digit: it should end in {{expected}}',
  barcodeLeadingZero: 'The barcode {{value}} lost its leading zero in a spreadsheet: imported as {{repaired}}',
  barcodeDecimal: 'The barcode "{{value}}" was stored as a number: imported as {{repaired}}',
  barcodeCharacters: 'The barcode "{{value}}" has spaces or characters a scanner cannot read',
  barcodeShortDigits:
    'The barcode {{value}} has 11 digits but is no UPC-A even with a leading zero; kept as your own code',
  // Rows against each other and against the database
  duplicateSku: 'The SKU {{value}} is also on line {{firstLine}}',
  duplicateBarcode: 'The barcode {{value}} is also on line {{firstLine}}',
  barcodeTaken: 'The barcode {{value}} belongs to {{other}} already',
  existingSkipped: 'The SKU exists already: left as it is (choose "update existing" to change it)',
  existingStockIgnored: 'The SKU exists already: its stock is kept; {{quantity}} in the file is not added',
  existingCostIgnored: 'The SKU exists already: its average cost comes from receipts; the cost in the file is not used',
  negativeStock: 'Stock {{value}} is below zero: no opening stock is recorded',
  familyHandle: 'The handle "{{value}}" has characters a family handle cannot have: imported as {{repaired}}',
  familyName: 'The family {{handle}} has no name',
  familyOptions: 'The options of {{handle}} are {{expected}}; this row has {{given}}',
  familyTooManyOptions: 'A family has at most 3 options',
  familyNoOptions: 'The family {{handle}} names no options (Size, Colour…)',
  optionValue: 'The option {{option}} needs a value',
  duplicateVariant: 'The same options ({{values}}) are also on line {{firstLine}}',
  parentNotFound: 'The parent "{{parent}}" is not in the file',
  parentStock:
    'The parent {{parent}} keeps the stock ({{quantity}}): it cannot be split over its variations, so none is imported',
  unsupportedType: 'A product of type "{{type}}" is not imported',
  notVariant: 'This row names no variant (an image row…): nothing to import',
};

export function issueMessage(code: string, params: Params, messages: IssueMessages = ISSUE_MESSAGES): string {
  const template = messages[code] ?? code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function makeIssue(
  severity: ImportIssue['severity'],
  code: string,
  at: { line?: number | null; sku?: string | null; column?: string | null },
  params: Params = {},
  messages: IssueMessages = ISSUE_MESSAGES,
): ImportIssue {
  return {
    line: at.line ?? null,
    sku: at.sku ?? null,
    column: at.column ?? null,
    severity,
    code,
    params,
    message: issueMessage(code, { column: at.column ?? '', ...params }, messages),
  };
}

/** Issues of one row, collected as its cells are read. */
export class RowIssues {
  readonly list: ImportIssue[] = [];
  constructor(
    readonly line: number,
    public sku: string | null,
    private readonly messages: IssueMessages = ISSUE_MESSAGES,
  ) {}

  error(code: string, column: string | null, params: Params = {}): void {
    this.list.push(makeIssue('error', code, { line: this.line, sku: this.sku, column }, params, this.messages));
  }

  warn(code: string, column: string | null, params: Params = {}): void {
    this.list.push(makeIssue('warning', code, { line: this.line, sku: this.sku, column }, params, this.messages));
  }

  get hasErrors(): boolean {
    return this.list.some((issue) => issue.severity === 'error');
  }
}
