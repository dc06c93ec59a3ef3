// `npm run openapi`: regenerates src-shared/api/openapi.json from the zod schemas of the contract.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_PATH, renderOpenApi } from './render-openapi';

writeFileSync(OPENAPI_PATH, await renderOpenApi());
console.log(`wrote ${fileURLToPath(OPENAPI_PATH)}`);
