import { z } from "zod";
import { forbidden, notFound } from "@/lib/api/errors";
import { parseQuery, qtHandler } from "@/lib/api/handler";
import { getServerSecret } from "@/lib/auth/server-secret";
import { verifyDownload } from "@/lib/security/signed-url";
import { imageResponse } from "@/lib/tasks/serve-file";

export const dynamic = "force-dynamic";

const downloadQuery = z.object({
  sig: z.string().max(200).optional(),
  exp: z.string().max(20).optional(),
});

/** Signed download (from /api/v1/task/:id/download-url): no authentication until it expires. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { sig, exp } = parseQuery(req, downloadQuery);
  const valid =
    sig !== undefined &&
    exp !== undefined &&
    /^\d{1,12}$/.test(exp) &&
    verifyDownload(params.id, exp, sig, getServerSecret());
  if (!valid)
    throw forbidden(
      "Invalid or expired download link",
      "Ask /api/v1/task/:id/download-url for a new one",
    );
  const res = await imageResponse(Number(params.id), "image", {
    attachment: true,
    cache: "private, no-store",
  });
  if (!res) throw notFound(`Image of task ${params.id}`);
  return res;
});
