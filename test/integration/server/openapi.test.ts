import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../src-shared/api';
import { OPENAPI_PATH, renderOpenApi } from '../../../src-server/openapi/render-openapi';

describe('the OpenAPI file', () => {
  it('is exactly what `npm run openapi` generates from the zod schemas (run it after changing src-shared/api)', async () => {
    const committed = readFileSync(OPENAPI_PATH, 'utf8');
    expect(committed, 'src-shared/api/openapi.json is out of date: run `npm run openapi` and commit it').toBe(
      await renderOpenApi(),
    );
  });

  it('documents every route, its parameters and the error shape', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of apiRoutes) {
      const op = doc.paths[route.path]![route.method]!;
      expect(Object.keys(op.responses)).toContain('200');
      if (route.auth) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '429']));
    }
    expect(doc.paths['/v1/workspaces/{id}/usage']!.get!.parameters!.map((p) => p.name)).toEqual([
      'id',
      'cursor',
      'limit',
    ]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'UsagePage', 'Balance', 'PoolStatus', 'IngestBatch']),
    );
  });
});
