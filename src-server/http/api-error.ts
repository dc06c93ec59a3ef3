import type { ApiErrorBody, ApiErrorCode } from '../../src-shared/api/errors';

/** An error the client can act on: its HTTP status, a stable code and one sentence. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** 404 for a workspace the token cannot see: the same answer whether it exists in another account or not. */
export function workspaceNotFound(id: string): ApiError {
  return new ApiError(
    404,
    'not_found',
    `No workspace "${id}" in this account: list them with GET /v1/workspaces.`,
  );
}
