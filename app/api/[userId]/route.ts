import { unknownPath } from "@/lib/server/http/methods";

// /api/<anything> that no other route serves: a JSON 404, not Next's HTML page.
export const { GET, POST, PUT, PATCH, DELETE } = unknownPath();
