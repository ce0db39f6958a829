// Admin CLI for self-hosters and scripts: `npm run cli -- <command>`. Uses the same lib/ code as
// the web app, against the same DATABASE_URL.
import { parseArgs } from "node:util";
import { EmailTakenError, signUp } from "@/lib/auth/accounts";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/password";
import { createUser, getUserByEmail } from "@/lib/db/users";

const USAGE = `Pixel Studio CLI

  npm run cli -- user create --email E --password P [--admin]
  npm run cli -- key create --email E [--name N]     prints the key once
  npm run cli -- key revoke --id ID
  npm run cli -- sprite "a red knight" --mode walk --seed 7 --out out/
`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function userCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      admin: { type: "boolean" },
    },
  });
  if (!values.email || !values.password) fail("user create needs --email and --password");
  if (values.password.length < 8) fail("The password must be at least 8 characters");
  try {
    const user = values.admin
      ? await createUser({
          email: values.email,
          passwordHash: await hashPassword(values.password),
          role: "admin",
        })
      : await signUp({ email: values.email, password: values.password });
    console.log(JSON.stringify({ id: user.id, email: user.email, role: user.role }));
  } catch (error) {
    if (error instanceof EmailTakenError) fail(error.message);
    throw error;
  }
}

async function keyCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email) fail("key create needs --email");
  const user =
    (await getUserByEmail(values.email)) ?? fail(`No user with the email ${values.email}`);
  const { key, record } = await createApiKey(user.id, values.name ?? "cli");
  console.error(
    `Created key #${record.id} (${record.prefix}…${record.last4}) for ${user.email}. It is shown only once:`,
  );
  console.log(key);
}

async function keyRevoke(args: string[]) {
  const { values } = parseArgs({ args, options: { id: { type: "string" } } });
  const id = Number(values.id);
  if (!Number.isInteger(id) || id < 1) fail("key revoke needs --id <positive integer>");
  if (!(await revokeApiKey(id))) fail(`No API key with id ${id}`);
  console.log(`Revoked key #${id}`);
}

async function main(argv: string[]) {
  const [group, action, ...rest] = argv;
  if (group === "user" && action === "create") return userCreate(rest);
  if (group === "key" && action === "create") return keyCreate(rest);
  if (group === "key" && action === "revoke") return keyRevoke(rest);
  if (group === "sprite") {
    const { runSpriteCommand } = await import("./sprite");
    return runSpriteCommand(argv.slice(1));
  }
  console.log(USAGE);
  if (group && group !== "help" && group !== "--help") process.exit(1);
}

main(process.argv.slice(2)).catch((error) =>
  fail(error instanceof Error ? error.message : String(error)),
);
