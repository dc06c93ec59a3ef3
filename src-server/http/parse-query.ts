import type { z } from 'zod';
import { ApiError } from './api-error';

/**
 * Parses a route's query string with its contract schema; unknown parameters are refused too, so a
 * typo (`limt=10`) is reported instead of silently ignored. Every error names the parameter.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, query: unknown): z.infer<S> {
  const known = Object.keys(schema.shape);
  const given = query && typeof query === 'object' ? Object.keys(query) : [];
  const unknown = given.find((k) => !known.includes(k));
  if (unknown !== undefined) {
    const takes =
      known.length > 0
        ? `this route takes ${known.map((k) => `"${k}"`).join(' and ')}`
        : 'this route takes none';
    throw new ApiError(400, 'invalid_parameter', `Unknown query parameter "${unknown}": ${takes}.`);
  }
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'query');
    const value = (query as Record<string, unknown>)[name];
    const shown = Array.isArray(value) ? 'given more than once' : `"${String(value)}" is invalid`;
    throw new ApiError(400, 'invalid_parameter', `The query parameter "${name}" ${shown}: ${issue.message}.`);
  }
  return parsed.data as z.infer<S>;
}
