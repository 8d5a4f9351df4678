import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { apiReferenceMarkdown } from '../../src/main/http/api-reference';

describe('docs/api.md', () => {
  it('matches the contract (run npm run docs:api after changing an operation)', async () => {
    const file = join(__dirname, '../../docs/api.md');
    const expected = await prettier.format(apiReferenceMarkdown(), {
      ...(await prettier.resolveConfig(file)),
      filepath: file,
    });
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});
