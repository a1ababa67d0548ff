import "server-only";

/** The Better Auth paths of the OpenAPI document: sign-up, sign-in, token, JWKS, sign-out. */

import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { jsonContent } from "./content";
import { errorResponse } from "./errors";

/* Better Auth serves /api/auth/*; these are the calls an API client needs. */
export const AUTH = "Authentication";
const authJson = z.looseObject({}).meta({ description: "Better Auth's answer." });
const authErrors = {
  "4XX": {
    description: "Better Auth's error answer (invalid input, wrong credentials).",
    content: jsonContent(
      z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
    ),
  },
  // Doable's own checks run before Better Auth reads the request, and answer in the API's shape.
  "413": errorResponse("payload_too_large"),
};
/** Sign-in, sign-up and reset mails are limited (lib/server/auth/limits.ts). */
const limitedAuthErrors = { ...authErrors, "429": errorResponse("rate_limited") };

export const authPaths = {
  "/api/auth/sign-up/email": {
    post: {
      tags: [AUTH],
      operationId: "signUp",
      summary: "Create an account (signs in: sets the session cookie)",
      requestBody: { required: true, content: jsonContent(signUpSchema) },
      responses: {
        "200": { description: "The new user and session.", content: jsonContent(authJson) },
        ...limitedAuthErrors,
      },
    },
  },
  "/api/auth/sign-in/email": {
    post: {
      tags: [AUTH],
      operationId: "signIn",
      summary: "Sign in (sets the session cookie)",
      requestBody: { required: true, content: jsonContent(signInSchema) },
      responses: {
        "200": { description: "The user and session.", content: jsonContent(authJson) },
        ...limitedAuthErrors,
      },
    },
  },
  "/api/auth/token": {
    get: {
      tags: [AUTH],
      operationId: "getToken",
      summary: "Exchange the session cookie for an API token",
      description:
        "Answers a short-lived JWT (EdDSA, 15 minutes) for `Authorization: Bearer` on the Tasks API. Needs the session cookie.",
      responses: {
        "200": {
          description: "The token.",
          content: jsonContent(z.object({ token: z.string() })),
        },
        ...authErrors,
      },
    },
  },
  "/api/auth/jwks": {
    get: {
      tags: [AUTH],
      operationId: "getJwks",
      summary: "The public keys that verify API tokens",
      responses: {
        "200": {
          description: "A JSON Web Key Set.",
          content: jsonContent(z.object({ keys: z.array(z.looseObject({})) })),
        },
      },
    },
  },
  "/api/auth/sign-out": {
    post: {
      tags: [AUTH],
      operationId: "signOut",
      summary: "End the session",
      responses: {
        "200": { description: "Signed out.", content: jsonContent(authJson) },
        ...authErrors,
      },
    },
  },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>;
