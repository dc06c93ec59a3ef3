import { z } from 'zod';

/**
 * The error codes the reference server sends. Clients must tolerate codes they do not know (the
 * schema accepts any string) and act on the HTTP status: 4xx is final, 429 and 5xx are retried.
 */
export const API_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_parameter',
  'invalid_body',
  'cursor_expired',
  'rate_limited',
  'internal',
  'injected_fault',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error shape of every non-2xx response. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z
      .string()
      .min(1)
      .meta({ description: `One of: ${API_ERROR_CODES.join(', ')} (more may be added).` }),
    message: z.string().meta({ description: 'One sentence: what happened and what to do.' }),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
