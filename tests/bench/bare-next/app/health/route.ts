export const dynamic = "force-dynamic";

/** Readiness for the bench's process runner. */
export function GET() {
  return Response.json({ status: "ok" });
}
