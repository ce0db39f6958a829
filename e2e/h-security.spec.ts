import { expect, signUp, test, uniqueEmail } from "./helpers";

test("pages are served with a nonce CSP and the security headers", async ({ page }) => {
  const res = await page.goto("/sign-in");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The page still works under it: hydrated, the form is interactive.
  await signUp(page, uniqueEmail("csp"));
});

// The shared guard in helpers.ts must turn a CSP violation into a failing test: this test makes
// one on purpose and is expected to fail.
test("a CSP violation in the console fails the test", async ({ page }) => {
  test.fail();
  await page.goto("/sign-in");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "https://example.invalid/tracker.png";
    document.body.append(img);
  });
  await page.waitForTimeout(500);
});
