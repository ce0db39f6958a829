import { expect, PASSWORD, signIn, signOut, signUp, test, uniqueEmail } from "./helpers";

test("sign-up, sign-in, API key create → use → revoke, duplicate sign-up refused", async ({
  page,
  request,
  baseURL,
}) => {
  const email = uniqueEmail("keys");
  await signUp(page, email);
  await signOut(page);
  await signIn(page, email);
  await expect(page.getByTestId("user-email")).toHaveText(email);

  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await expect(page.getByText("No keys yet.")).toBeVisible();
  await page.getByLabel("Key name").fill("e2e-script");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^gpa_[A-Za-z0-9]{32,}$/);
  await expect(page.getByTestId("curl-line")).toHaveText(
    `curl -H "Authorization: Bearer ${key}" ${baseURL}/api/v1/tasks`,
  );
  const row = page.getByTestId("keys-table").getByRole("row", { name: /e2e-script/ });
  await expect(row).toContainText(key.slice(-4));
  await expect(row).toContainText("active");

  const ok = await request.get("/api/v1/tasks", { headers: { Authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ tasks: [], total: 0, page: 1 });

  // last used shows up after a reload
  await page.reload();
  await expect(row).not.toContainText("never");

  await page.getByRole("button", { name: "Revoke e2e-script" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Revoke “e2e-script”?");
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");

  const denied = await request.get("/api/v1/tasks", {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(denied.status()).toBe(401);
  expect(await denied.json()).toHaveProperty("error");

  // The same email cannot sign up twice.
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create an account" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(/already exists/i);
  await expect(page).toHaveURL(/\/sign-up/);
});
