import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/main/services/catalog/csv/export';
import { cellAt } from '../../src/main/services/catalog/csv/source';

describe('CSV export against spreadsheet formulas', () => {
  it('puts an apostrophe before formula-like text, not before numbers, and the import takes it off', () => {
    const line = csvLine(['=HYPERLINK("http://x")', '+86 21 5555', '-A1', '@SUM(1)', 'plain', -3, 12]);
    expect(line).toBe(`"'=HYPERLINK(""http://x"")",'+86 21 5555,'-A1,'@SUM(1),plain,-3,12`);
    const cells = ['\'=HYPERLINK("http://x")', "'+86 21 5555", "'-A1", "'@SUM(1)", "it's", "'plain"];
    expect(cells.map((_, i) => cellAt({ cells, line: 2 } as never, i))).toEqual([
      '=HYPERLINK("http://x")',
      '+86 21 5555',
      '-A1',
      '@SUM(1)',
      "it's",
      "'plain",
    ]);
  });
});
