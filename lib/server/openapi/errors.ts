import "server-only";

/** The OpenAPI `Error` schema, the error response of each code, and `errors(...codes)` for operations. */

import { z } from "zod";
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { AUTH_BODY_MAX_BYTES, MAX_BODY_BYTES } from "@/lib/server/http/body";
import { ERROR_STATUS, type ErrorCode } from "@/lib/server/http/errors";
import { BULK_BODY_MAX_BYTES } from "@/lib/tasks/model";
import { IMPORT_MAX_BYTES } from "@/lib/transfer/model";
import { jsonContent, requestIdHeader } from "./content";

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().meta({ description: "For people; safe to show." }),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: "Field by field problems (validation_failed)." }),
      requestId: z.string().optional().meta({ description: "Quote it when reporting a 5xx." }),
    }),
  })
  .meta({
    id: "Error",
    description: "The one error shape of every API answer that is not a success.",
  });

const ERROR_DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  validation_failed: "The body, query string or a header is invalid; `details` names each field.",
  unauthorized:
    "No bearer token, or one that is malformed, expired, forged or for a deleted account.",
  forbidden: "A valid token for another user than the one in the path.",
  not_found: "No such task among the caller's (also for ids that are not UUIDs).",
  precondition_failed:
    "If-Match names a version that is no longer current; nothing was changed. The current version is in ETag.",
  payload_too_large: `The body is larger than the limit (${MAX_BODY_BYTES} bytes; bulk ${BULK_BODY_MAX_BYTES}; an import ${IMPORT_MAX_BYTES}; every /api/auth/* body ${AUTH_BODY_MAX_BYTES}).`,
  rate_limited:
    "Too many attempts: failed sign-ins for this account or from this address, sign-ups from this address, or reset mails for this account. The message says when to try again; so does Retry-After, in seconds.",
  internal: "An unexpected error; it was logged under `requestId`.",
  unavailable:
    "The database cannot be reached, or every database connection stayed busy (overload); retry after Retry-After seconds.",
};

/** The answer for one error code: its description, its headers, and the `Error` body. */
export function errorResponse(code: ErrorCode): ZodOpenApiResponseObject {
  const extra: Record<string, z.ZodString> = {};
  if (code === "unauthorized") {
    extra["WWW-Authenticate"] = z.string().meta({ example: 'Bearer realm="doable"' });
  }
  if (code === "unavailable" || code === "rate_limited") {
    extra["Retry-After"] = z.string().meta({ description: "Seconds to wait." });
  }
  if (code === "precondition_failed") {
    extra.ETag = z.string().meta({ description: "The task's current version." });
  }
  return {
    description: `\`${code}\`: ${ERROR_DESCRIPTIONS[code] ?? code}`,
    headers: z.object({ "X-Request-Id": requestIdHeader, ...extra }),
    content: jsonContent(errorSchema),
  };
}

/** Error answers by status for an operation; every operation can also answer 500 and 503. */
export function errors(...codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const code of [...codes, "internal", "unavailable"] as ErrorCode[]) {
    responses[`${ERROR_STATUS[code]}`] = errorResponse(code);
  }
  return responses;
}
