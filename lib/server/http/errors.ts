import "server-only";

/** The one error shape of DESIGN.md, and the helpers that produce it. */

export const ERROR_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: ErrorDetail[];
    requestId?: string;
  };
}

/** Thrown anywhere below a route handler; `route()` turns it into the error response. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: HeadersInit,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
  }
}

export function errorBody(
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
  requestId?: string,
): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(details?.length ? { details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  options: { details?: ErrorDetail[]; headers?: HeadersInit; requestId?: string } = {},
): Response {
  return Response.json(errorBody(code, message, options.details, options.requestId), {
    status: ERROR_STATUS[code],
    headers: options.headers,
  });
}
