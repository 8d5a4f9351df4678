import { describe, expect, it } from 'vitest';
import { withExactPageSize } from '../../src/main/pdf/exact-page-size';

function pdfWith(box: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<</Type /Page /MediaBox [0 0 ${box}] /Contents 2 0 R>>\nendobj\nxref\n`,
    'latin1',
  );
}

describe('withExactPageSize', () => {
  it('sets Chromium’s 1/75 in page box to the paper’s exact size, keeping every byte offset', () => {
    const before = pdfWith('282.95999 425.03998');
    const after = withExactPageSize(before, '100x150mm');
    expect(after.length).toBe(before.length);
    expect(after.toString('latin1')).toMatch(/\/MediaBox \[0 0 283\.46 425\.2 +\] \/Contents 2 0 R/);
    expect(after.toString('latin1').indexOf('xref')).toBe(before.toString('latin1').indexOf('xref'));
    const a4 = withExactPageSize(pdfWith('594.95996 841.91998'), 'a4').toString('latin1');
    expect(a4).toMatch(/\/MediaBox \[0 0 595\.28 841\.89 +\]/);
  });

  it('leaves an exact box, a box without room and a roll as they are', () => {
    const exact = pdfWith('288 432');
    expect(withExactPageSize(exact, '4x6in')).toBe(exact);
    const short = pdfWith('283 425');
    expect(withExactPageSize(short, '100x150mm').toString('latin1')).toBe(short.toString('latin1'));
    const roll = pdfWith('226.8 400.5');
    expect(withExactPageSize(roll, '80mm')).toBe(roll);
  });
});
