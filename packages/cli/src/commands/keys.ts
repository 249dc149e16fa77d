/**
 * `scamguard keys create|list|revoke`: API keys, against DATABASE_URL, the running server of DATA_DIR
 * (over loopback), or DATA_DIR's PGlite directly (see packages/server/src/keys/key-admin.ts).
 * `create` prints the key alone on stdout as its last line (`KEY=$(scamguard keys create --role analyst)`);
 * everything else goes to stderr.
 */
import { type Command, Option } from "commander";

const ROLES = ["reporter", "institution", "analyst", "admin"] as const;
type Role = (typeof ROLES)[number];

/** `create` may create DATA_DIR's database; `list` and `revoke` never do (they say there is none). */
async function withKeyAdmin<T>(createIfMissing: boolean, fn: (admin: import("@scamguard/server/keys/key-admin").KeyAdmin) => Promise<T>): Promise<T> {
  const { loadConfig } = await import("@scamguard/server/config");
  const { openKeyAdmin } = await import("@scamguard/server/keys/key-admin");
  const admin = await openKeyAdmin(loadConfig(process.env), { createIfMissing });
  try {
    return await fn(admin);
  } finally {
    await admin.close();
  }
}

export function register(program: Command): void {
  const keys = program.command("keys").description("manage API keys (roles: reporter, institution, analyst, admin)");

  keys
    .command("create")
    .description("create an API key and print it (shown once; only its hash is stored)")
    .addOption(new Option("--role <role>", "what the key may do").choices(ROLES).makeOptionMandatory())
    .option("--label <label>", "who or what the key is for")
    .option("--institution <id>", "bind an institution key to one directory entry (jd, icbc, webank…): it then acts in that institution's name")
    .action(async (opts: { role: Role; label?: string; institution?: string }) => {
      if (opts.institution !== undefined) {
        // Checked here too (the server checks again): a typo fails at once, without opening the database.
        const { getInstitution } = await import("@scamguard/detect/directory/index");
        if (opts.role !== "institution") throw new Error(`--institution: only an institution key can be bound to an institution (role is ${opts.role})`);
        if (getInstitution(opts.institution) === undefined) {
          throw new Error(`institution: "${opts.institution}" is not an id of the official directory (GET /v1/directory?q=… lists them, e.g. jd, icbc, webank)`);
        }
      }
      await withKeyAdmin(true, async (admin) => {
        const { key, info } = await admin.create({
          role: opts.role,
          ...(opts.label ? { label: opts.label } : {}),
          ...(opts.institution !== undefined ? { institution: opts.institution } : {}),
        });
        const bound = info.institution ? ` bound to ${info.institution}` : "";
        process.stderr.write(`created ${info.role} key ${info.id}${bound}${info.label ? ` (${info.label})` : ""} via ${admin.via}; store it now, it is not shown again:\n`);
        process.stdout.write(`${key}\n`);
      });
    });

  keys
    .command("list")
    .description("list keys, newest first (ids and prefixes, never the keys)")
    .option("--limit <n>", "how many", "100")
    .action(async (opts: { limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new Error(`--limit: expected 1 to 500, got "${opts.limit}"`);
      await withKeyAdmin(false, async (admin) => {
        const page = await admin.list({ limit });
        for (const k of page.items) {
          process.stdout.write(`${k.id}\t${k.role}${k.institution ? `:${k.institution}` : ""}\t${k.prefix}…\t${k.createdAt}\t${k.revokedAt ? `revoked ${k.revokedAt}` : "active"}\t${k.label ?? ""}\n`);
        }
      });
    });

  keys
    .command("revoke")
    .description("revoke a key by id (k_…); takes effect at once")
    .argument("<id>", "key id as shown by `keys list`")
    .action(async (id: string) => {
      await withKeyAdmin(false, async (admin) => {
        const info = await admin.revoke(id);
        process.stderr.write(`revoked ${info.id} (${info.role}) at ${info.revokedAt} via ${admin.via}\n`);
      });
    });
}
