import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/main/services/catalog/csv/decode';
import { RowIssues } from '../../src/main/services/catalog/csv/issues';
import { pieceEnd, readCsv } from '../../src/main/services/catalog/csv/read-csv';
import {
  htmlToText,
  looksLikeDate,
  readBarcode,
  readPrice,
  readWhole,
  toHandle,
} from '../../src/main/services/catalog/csv/values';

const comma = { decimalComma: false };
const semicolon = { decimalComma: true };

function price(text: string, currency = 'CNY', style = comma) {
  const issues = new RowIssues(2, 'X');
  const value = readPrice(text, currency, style, issues, 'price');
  return { value, codes: issues.list.map((i) => `${i.severity}:${i.code}`) };
}

describe('cells as spreadsheets leave them', () => {
  it('reads prices exactly, or says why not', () => {
    expect(price('128.50')).toEqual({ value: 12850, codes: [] });
    expect(price('1,299.00')).toEqual({ value: 129900, codes: [] });
    expect(price('¥12.50')).toEqual({ value: 1250, codes: [] });
    expect(price('￥ 1 299')).toEqual({ value: 129900, codes: [] });
    expect(price('12.50 CNY')).toEqual({ value: 1250, codes: [] });
    expect(price('RMB 8')).toEqual({ value: 800, codes: [] });
    expect(price('12,5')).toEqual({ value: 1250, codes: ['warning:decimalComma'] });
    expect(price('1.299,00', 'EUR', semicolon)).toEqual({ value: 129900, codes: [] });
    expect(price('12,50', 'EUR', semicolon)).toEqual({ value: 1250, codes: [] });
    expect(price('€12.50', 'EUR')).toEqual({ value: 1250, codes: [] });
    expect(price('1,299', 'JPY')).toEqual({ value: 1299, codes: [] });
    expect(price('$12.50').codes).toEqual(['error:priceCurrency']);
    expect(price('12.505').codes).toEqual(['error:priceDecimals']);
    expect(price('12.500')).toEqual({ value: 1250, codes: [] });
    expect(price('-3').codes).toEqual(['error:negative']);
    expect(price('1.2E+03').codes).toEqual(['error:priceInvalid']);
    expect(price('1,29,9').codes).toEqual(['error:priceInvalid']);
    expect(price('2024-01-02').codes).toEqual(['error:dateLike']);
    expect(price('')).toEqual({ value: undefined, codes: [] });
  });

  it('reads whole numbers and converts kilograms and centimetres without floats', () => {
    const read = (text: string, shift = 0) => {
      const issues = new RowIssues(2, 'X');
      return [readWhole(text, comma, issues, 'c', { max: 10_000_000, shift }), issues.list.map((i) => i.code)];
    };
    expect(read('1,200')).toEqual([1200, []]);
    expect(read('12.0')).toEqual([12, []]);
    expect(read('12.5')).toEqual([null, ['notWhole']]);
    expect(read('0.357', 3)).toEqual([357, []]);
    expect(read('0.3575', 3)).toEqual([358, ['rounded']]);
    expect(read('12.5', 1)).toEqual([125, []]);
    expect(read('3/4/2024')).toEqual([null, ['dateLike']]);
    expect(read('-2')).toEqual([null, ['negative']]);
    expect(read('lots')).toEqual([null, ['notNumber']]);
    expect(read('99999999')).toEqual([null, ['tooLarge']]);
  });

  it('refuses barcodes that lost digits and repairs the ones that lost only a leading zero', () => {
    const read = (text: string) => {
      const issues = new RowIssues(2, 'X');
      return [readBarcode(text, issues, 'barcode'), issues.list.map((i) => `${i.severity}:${i.code}`)];
    };
    expect(read('6901234567892')).toEqual(['6901234567892', []]);
    expect(read('6.90123E+12')).toEqual([null, ['error:barcodeScientific']]);
    expect(read('6,90123E+12')).toEqual([null, ['error:barcodeScientific']]);
    expect(read('36000291452')).toEqual(['036000291452', ['warning:barcodeLeadingZero']]);
    expect(read('36000291453')).toEqual(['36000291453', ['warning:barcodeShortDigits']]);
    expect(read('6901234567892.0')).toEqual(['6901234567892', ['warning:barcodeDecimal']]);
    expect(read('6901234567893')).toEqual([null, ['error:barcodeCheckDigit']]);
    expect(read('690 1234')).toEqual([null, ['error:barcodeCharacters']]);
    expect(read('SHOP-0001')).toEqual(['SHOP-0001', []]);
  });

  it('knows what Excel makes of sizes and codes', () => {
    for (const date of [
      '2-Jan',
      'Jan-02',
      '02-Jan-24',
      '2024/1/2',
      '1/2/24',
      '3/4/2024',
      '2024-01-02',
      '2024年1月2日',
      '1月2日',
    ]) {
      expect(looksLikeDate(date), date).toBe(true);
    }
    for (const text of ['S', 'XL', '1-2', 'PU-357', '10-40-30', '6901234567892', '12.50', 'Jade']) {
      expect(looksLikeDate(text), text).toBe(false);
    }
  });

  it('makes plain text of HTML descriptions and handles of any text', () => {
    expect(htmlToText('<p>One, "two"</p>\n<ul><li>a &amp; b</li><li>&#20013;&#x6587;</li></ul>')).toBe(
      'One, "two"\n• a & b\n• 中文',
    );
    expect(htmlToText('Line one\nLine two')).toBe('Line one\nLine two');
    expect(toHandle('linen-shirt')).toEqual({ handle: 'linen-shirt', repaired: false });
    expect(toHandle('TS-100')).toEqual({ handle: 'ts-100', repaired: false });
    expect(toHandle('Café Crème')).toEqual({ handle: 'cafe-creme', repaired: true });
    const chinese = toHandle('云南普洱茶');
    expect(chinese.handle).toMatch(/^family-[0-9a-f]{8}$/);
    expect(toHandle('云南普洱茶')).toEqual(chinese);
    expect(toHandle('龙井 250g').handle).toMatch(/^250g-[0-9a-f]{8}$/);
  });
});

describe('reading the file', () => {
  it('tells UTF-8 (with or without a BOM) from GBK and UTF-16', () => {
    expect(decodeBytes(Buffer.from('\uFEFFsku,名称\n', 'utf8'))).toEqual({ text: 'sku,名称\n', encoding: 'utf-8-bom' });
    expect(decodeBytes(Buffer.from('sku,名称\n', 'utf8'))).toEqual({ text: 'sku,名称\n', encoding: 'utf-8' });
    const gbk = Buffer.from([0x73, 0x6b, 0x75, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6]); // "sku,名称" in GBK
    expect(decodeBytes(gbk)).toEqual({ text: 'sku,名称', encoding: 'gb18030' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('sku\t名称', 'utf16le')]);
    expect(decodeBytes(utf16)).toEqual({ text: 'sku\t名称', encoding: 'utf-16le' });
  });

  it('keeps the line each row starts on, through quoted line breaks, CRLF, blank lines and pieces', async () => {
    const text = 'sku,description\r\nA,"one\r\ntwo"\r\n\r\n,\r\nB,"say ""hi"", twice"\nC,plain\rD,"x\ny\nz"\r\nE,last';
    const table = await readCsv(text);
    expect(table.header).toEqual(['sku', 'description']);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'A'],
      [6, 'B'],
      [7, 'C'],
      [8, 'D'],
      [11, 'E'],
    ]);
    expect(table.rows[1].cells[1]).toBe('say "hi", twice');
    // Cut into pieces only between rows, never inside a quoted cell.
    expect(text.slice(0, pieceEnd(text, 0, 20, ','))).toBe('sku,description\r\nA,"one\r\ntwo"\r\n');
  });

  it('reads Excel\'s semicolons and its "sep=" line', async () => {
    const table = await readCsv('sep=;\nsku;unit_price\nA;"12,50"\n');
    expect(table).toMatchObject({ delimiter: ';', header: ['sku', 'unit_price'], headerLine: 2 });
    expect(table.rows).toEqual([{ line: 3, cells: ['A', '12,50'] }]);
    expect((await readCsv('sku;name\nA;B\n')).delimiter).toBe(';');
  });

  it('reports an unclosed quote with its line', async () => {
    await expect(readCsv('sku,name\nA,"open\nB,x\n')).rejects.toMatchObject({ line: expect.any(Number) });
  });
});
