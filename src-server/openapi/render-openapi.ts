import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument } from '../../src-shared/api/openapi';

/** Where the generated OpenAPI file lives (committed; a test checks it is current). */
export const OPENAPI_PATH = new URL('../../src-shared/api/openapi.json', import.meta.url);

/** The OpenAPI file's text: the document from the zod schemas, formatted as the repo's Prettier would. */
export async function renderOpenApi(): Promise<string> {
  const options = (await resolveConfig(OPENAPI_PATH)) ?? {};
  return format(JSON.stringify(buildOpenApiDocument()), { ...options, parser: 'json' });
}
