// Completion e-mail (QT Pixel API (docs/qt-pixel-api.md) `send_email`). Outcome is recorded on the task, including "not
// configured", so a caller can see why no message arrived.
import { getServerSecret } from "@/lib/auth/server-secret";
import {
  claimBatchEmail,
  claimTaskEmail,
  setBatchEmailStatus,
  setEmailStatus,
} from "@/lib/db/queue";
import { findAsset, getBatchById, getTaskById, tasksOfBatch } from "@/lib/db/tasks";
import { getUserById } from "@/lib/db/users";
import { mailerFromEnv } from "@/lib/mail/mailer";
import { buildDownloadUrl } from "@/lib/security/signed-url";
import { getBlobStore } from "@/lib/storage/blob-store";
import { batchSheet, completedFrames } from "@/lib/tasks/batch-exports";
import { backgroundOrigin } from "@/lib/tasks/origin";

/** Sends the task's e-mail once, whichever worker or how many of them get here. */
export async function sendCompletionEmail(taskId: number): Promise<void> {
  if (!(await claimTaskEmail(taskId))) return;
  const task = await getTaskById(taskId);
  if (!task) return;
  const mailer = mailerFromEnv();
  if (!mailer) {
    await setEmailStatus(taskId, "skipped: SMTP is not configured (set SMTP_HOST)");
    return;
  }
  const to = task.email ?? (await getUserById(task.userId))?.email;
  if (!to) {
    await setEmailStatus(taskId, "skipped: no recipient address");
    return;
  }
  try {
    const asset = await findAsset(taskId, "image");
    const png = asset ? await getBlobStore().get(asset.storageKey) : undefined;
    const base = backgroundOrigin();
    const { download_url } = buildDownloadUrl(base, taskId, getServerSecret());
    const { messageId } = await mailer.sendTaskCompleted({
      to,
      taskId,
      prompt: task.prompt,
      png,
      downloadUrl: download_url,
      viewUrl: `${base}/gallery?task=${taskId}`,
    });
    await setEmailStatus(taskId, `sent to ${to} (${messageId})`);
  } catch (error) {
    await setEmailStatus(
      taskId,
      `failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** One e-mail per batch (QT Pixel API batches default to none), sent when its last frame finishes. */
export async function sendBatchEmailIfDone(batchId: number): Promise<void> {
  if (!(await claimBatchEmail(batchId))) return;
  const batch = await getBatchById(batchId);
  if (!batch) return;
  const mailer = mailerFromEnv();
  if (!mailer) {
    await setBatchEmailStatus(batchId, "skipped: SMTP is not configured (set SMTP_HOST)");
    return;
  }
  const to = batch.email ?? (await getUserById(batch.userId))?.email;
  if (!to) {
    await setBatchEmailStatus(batchId, "skipped: no recipient address");
    return;
  }
  try {
    const frames = await tasksOfBatch(batchId);
    const done = frames.filter((t) => t.status === "completed").length;
    const finished = await completedFrames(batch);
    const sheet = finished.length ? await batchSheet(batch, finished) : undefined;
    const base = backgroundOrigin();
    const { messageId } = await mailer.sendTaskCompleted({
      to,
      taskId: frames[0]?.id ?? batchId,
      prompt: `${batch.prompt} — ${batch.mode} batch #${batch.id}, ${done}/${frames.length} frames`,
      png: sheet?.png,
      viewUrl: `${base}/batches/${batch.id}`,
    });
    await setBatchEmailStatus(batchId, `sent to ${to} (${messageId})`);
  } catch (error) {
    await setBatchEmailStatus(
      batchId,
      `failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
