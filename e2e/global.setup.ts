import fs from "node:fs";
import path from "node:path";
import { ADMIN_EMAIL, ADMIN_STATE, test as setup, signIn, signUp } from "./helpers";

// The first account of a fresh install is the admin; create it before any other spec runs.
setup("create the admin account", async ({ page }) => {
  try {
    await signUp(page, ADMIN_EMAIL);
  } catch {
    // A reused server (E2E_REUSE=1) already has the admin.
    await signIn(page, ADMIN_EMAIL);
  }
  fs.mkdirSync(path.dirname(ADMIN_STATE), { recursive: true });
  await page.context().storageState({ path: ADMIN_STATE });
});
