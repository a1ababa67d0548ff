import "server-only";

/** The Service paths of the OpenAPI document: the health check and the document itself. */

import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { jsonContent } from "./content";
import { errorResponse } from "./errors";

export const SERVICE = "Service";

export const servicePaths = {
  "/api/health": {
    get: {
      tags: [SERVICE],
      operationId: "health",
      summary: "Liveness and database reachability",
      responses: {
        "200": {
          description: "Up, and the database answers.",
          content: jsonContent(
            z.object({
              status: z.literal("ok"),
              database: z.literal("ok"),
              driver: z.enum(["pglite", "neon-http", "node-postgres"]),
            }),
          ),
        },
        "503": errorResponse("unavailable"),
      },
    },
  },
  "/api/openapi.json": {
    get: {
      tags: [SERVICE],
      operationId: "openapi",
      summary: "This document",
      responses: {
        "200": {
          description: "OpenAPI 3.1.",
          content: jsonContent(z.looseObject({ openapi: z.string() })),
        },
      },
    },
  },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
