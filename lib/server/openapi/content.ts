import "server-only";

/** Pieces every part of the OpenAPI document uses: JSON content and the X-Request-Id header. */

import { z } from "zod";

export const requestIdHeader = z
  .string()
  .meta({ description: "This request's id, also in the logs." });

export const jsonContent = (schema: z.ZodType) => ({ "application/json": { schema } });
