// `npm run docs:api`: rewrites docs/api.md from the contract.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiReferenceMarkdown } from '../src/main/http/api-reference';

writeFileSync(join(__dirname, '../docs/api.md'), apiReferenceMarkdown());
console.error('docs/api.md written');
