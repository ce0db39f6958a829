export const dynamic = "force-dynamic";

/** Liveness probe for load balancers; also the benchmark's empty-route baseline. */
export function GET() {
  return Response.json({ status: "ok" });
}
