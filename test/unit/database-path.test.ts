import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePathFromArgs } from '../../src/main/database-path';

describe('databasePathFromArgs', () => {
  it('takes --db first, then OMS_DB, else nothing (the caller picks its default)', () => {
    expect(databasePathFromArgs(['--db', 'a.db'], { OMS_DB: 'b.db' })).toBe(resolve('a.db'));
    expect(databasePathFromArgs(['--db=c.db'], {})).toBe(resolve('c.db'));
    expect(databasePathFromArgs(['.', '--inspect'], { OMS_DB: '/data/shop.db' })).toBe('/data/shop.db');
    expect(databasePathFromArgs([], {})).toBeNull();
  });
});
