import { describe, expect, it } from "vitest";
import { summaryFor } from "./bilingual";

describe("summaryFor", () => {
  it("keeps the half in the reader's language", () => {
    expect(summaryFor("获取任务列表 List your tasks (newest first)", "en")).toBe(
      "List your tasks (newest first)",
    );
    expect(summaryFor("获取任务列表 List your tasks (newest first)", "zh")).toBe("获取任务列表");
    expect(summaryFor("签名临时下载链接 Signed download link (1 hour)", "en")).toBe(
      "Signed download link (1 hour)",
    );
  });

  it("splits after the last Chinese word even when the Chinese half starts in Latin", () => {
    const s = "ZIP 打包 Batch as ZIP (walk_1.png …, sheet.png)";
    expect(summaryFor(s, "zh")).toBe("ZIP 打包");
    expect(summaryFor(s, "en")).toBe("Batch as ZIP (walk_1.png …, sheet.png)");
  });

  it("leaves a one-language summary alone", () => {
    expect(summaryFor("Delete a batch with its frames", "zh")).toBe(
      "Delete a batch with its frames",
    );
  });
});
