// Reads a ZIP with Python's zipfile (an independent implementation from the yazl that wrote it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** name → bytes of every entry, in archive order */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-zip-"));
  const file = path.join(dir, "a.zip");
  fs.writeFileSync(file, zip);
  const out = execFileSync(
    "python3",
    [
      "-c",
      "import sys,zipfile,json,base64; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps([[n, base64.b64encode(z.read(n)).decode()] for n in z.namelist()]))",
      file,
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  ).toString();
  fs.rmSync(dir, { recursive: true, force: true });
  return new Map(
    (JSON.parse(out) as [string, string][]).map(([n, b]) => [n, Buffer.from(b, "base64")]),
  );
}
