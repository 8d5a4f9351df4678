import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forecastMany } from '../../src/main/forecasting/batch';
import { forecastSeries } from '../../src/main/forecasting/engine';

const folder = mkdtempSync(join(tmpdir(), 'oms-forecast-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const monthly = Array.from(
  { length: 60 },
  (_, t) => 200 + 3 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 5),
);
const sparse = Array.from({ length: 52 }, (_, t) => (t % 5 === 0 ? 2 + (t % 3) : 0));

describe('forecastMany', () => {
  it('gives worker threads the same answers as the engine on this thread, in order, with errors per series', async () => {
    const items = [
      { id: 'monthly', request: { values: monthly, season: 12, horizon: 6 } },
      { id: 'broken', request: { values: [1, 2], horizon: 0 } },
      { id: 'sparse', request: { values: sparse, horizon: 4 } },
    ];
    const seen: string[] = [];
    const outcomes = await forecastMany(items, { workers: 1, onResult: (outcome) => seen.push(outcome.id) });
    expect(outcomes.map((outcome) => outcome.id)).toEqual(['monthly', 'broken', 'sparse']);
    expect(seen).toHaveLength(3);
    expect(outcomes[0].result).toEqual(forecastSeries(items[0].request));
    expect(outcomes[2].result).toEqual(forecastSeries(items[2].request));
    expect(outcomes[1].error?.code).toBe('VALIDATION');
  });

  it('refuses a worker count that is not a whole number', async () => {
    await expect(forecastMany([], { workers: 1.5 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('npm run forecast', () => {
  it('reads long-form series and writes forecasts with intervals and the chosen models', () => {
    const input = join(folder, 'in.csv');
    const lines = ['series_id,t,value'];
    // Out of order on purpose: t, not the file's order, orders each series.
    monthly.forEach((value, t) => lines.push(`"north, 1",${59 - t},${monthly[59 - t]}`));
    sparse.forEach((value, t) => lines.push(`sku-2,${t},${value}`));
    writeFileSync(input, lines.join('\n'));
    const output = join(folder, 'out.csv');
    const models = join(folder, 'models.csv');
    const run = spawnSync(
      process.execPath,
      [
        join('node_modules', 'tsx', 'dist', 'cli.mjs'),
        'scripts/forecast.ts',
        '--input',
        input,
        '--horizon',
        '6',
        '--season',
        '12',
        '--output',
        output,
        '--models',
        models,
        '--workers',
        '0',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('100% 2/2 series');
    const rows = readFileSync(output, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('series_id,h,forecast,lo80,hi80,lo95,hi95');
    expect(rows).toHaveLength(1 + 12);
    const first = rows.filter((row) => row.startsWith('"north, 1",'));
    expect(first).toHaveLength(6);
    const expected = forecastSeries({ values: monthly, season: 12, horizon: 6 });
    const cells = first[0].slice('"north, 1",'.length).split(',').map(Number);
    expect(cells[0]).toBe(1);
    expect(cells[1]).toBeCloseTo(expected.forecast[0], 6);
    expect(cells[5]).toBeCloseTo(expected.hi95[0], 6);
    const chosen = readFileSync(models, 'utf8').trim().split('\n');
    expect(chosen[0]).toBe('series_id,method,backtest_smape,backtest_mase,backtest_origins');
    expect(chosen[1]).toContain(expected.method.includes(',') ? `"${expected.method}"` : expected.method);
  });

  it('names a bad value with its line and writes nothing', () => {
    const input = join(folder, 'bad.csv');
    writeFileSync(input, 'series_id,t,value\na,0,1\na,1,lots\n');
    const run = spawnSync(
      process.execPath,
      [
        join('node_modules', 'tsx', 'dist', 'cli.mjs'),
        'scripts/forecast.ts',
        '--input',
        input,
        '--horizon',
        '2',
        '--output',
        join(folder, 'never.csv'),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('line 3: value "lots" is not a number');
    expect(existsSync(join(folder, 'never.csv'))).toBe(false);
  });
});
