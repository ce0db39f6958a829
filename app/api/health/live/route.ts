export const dynamic = "force-dynamic";

/** Liveness: the process answers HTTP (touches no backend); also the benchmark's empty route. */
export function GET() {
  return Response.json({ status: "ok" });
}
