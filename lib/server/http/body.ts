import "server-only";
import type { z } from "zod";
import { ApiError } from "./errors";
import { parseOrThrow } from "./validation";

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Every /api/auth/* body is read up to this many bytes, before Better Auth sees it. */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;

/**
 * Reads a JSON body with a byte cap (checked on Content-Length and again while streaming,
 * since the header can lie or be absent) and validates it with `schema`.
 * `emptyAs`: the value to validate when the body is empty; without it an empty body is an error.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number; emptyAs?: unknown } = {},
): Promise<z.output<S>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === "") {
    if ("emptyAs" in options) return parseOrThrow(schema, options.emptyAs);
    throw new ApiError("validation_failed", "The request body must be a JSON object.");
  }
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError("validation_failed", "Send the body as application/json.");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError("validation_failed", "The request body is not valid JSON.");
  }
  return parseOrThrow(schema, data);
}

/**
 * The body as text, refused with 413 past `maxBytes`: checked on Content-Length and again while
 * streaming (the header can lie or be absent), so no more than `maxBytes` is ever held.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
