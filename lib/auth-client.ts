import { jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * Better Auth's browser client. No baseURL: it talks to /api/auth on the page's own origin,
 * so preview deployments and other ports need no configuration.
 */
export const authClient = createAuthClient({
  plugins: [jwtClient()],
});
