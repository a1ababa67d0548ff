import { unknownPath } from "@/lib/server/http/methods";

// /api itself: a JSON 404, not Next's HTML page.
export const { GET, POST, PUT, PATCH, DELETE } = unknownPath();
