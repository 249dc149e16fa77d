/** API keys: create (the secret is returned once), authenticate by hash, list, revoke. */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { ApiKeyInfo, Role } from "@scamguard/contracts";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { decodeCursor, keysetAfter, toPage } from "../db/pagination.js";
import { type ApiKeyRow, apiKeys } from "../db/schema/index.js";
import { badRequest, notFound } from "../errors.js";
import { getInstitution } from "@scamguard/detect";
import type { Principal } from "../auth/principal.js";
import { generateKey, hashKey, isWellFormedKey, newKeyId, VISIBLE_PREFIX_LENGTH } from "../auth/keys.js";

export interface ApiKeyService {
  /**
   * @param input.institution directory id to bind an institution key to (`jd`, `icbc`), or absent for an unbound key.
   * @throws AppError 400 `unknown_institution` (no such directory entry), `institution_needs_institution_role`
   */
  create(input: { role: Role; label?: string | null; institution?: string | null }): Promise<{ key: string; info: ApiKeyInfo }>;
  /** The principal for a presented key, or null when it is unknown, malformed or revoked. */
  authenticate(key: string): Promise<Principal | null>;
  /**
   * The principal of a key this process authenticated within the cache's TTL, at once (no hash, no
   * query, no promise); undefined when it must go through `authenticate`.
   */
  known(key: string): Principal | undefined;
  list(page: { limit: number; cursor?: string | undefined }): Promise<{ items: ApiKeyInfo[]; nextCursor: string | null }>;
  /** @throws AppError 404 `key_not_found` */
  revoke(id: string): Promise<ApiKeyInfo>;
}

/**
 * Valid keys seen recently, by the presented key itself: a keyed request then costs no query and no
 * SHA-256 (the key is in this process's memory for the request anyway; only its hash is ever stored or
 * logged). Revoking through this process clears the key's entries at once (found by hash); another
 * process sharing PostgreSQL sees a revocation within the TTL.
 */
const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;
type KeyCache = Map<string, { principal: Principal; keyHash: string; expiresAt: number }>;

const toInfo = (row: ApiKeyRow): ApiKeyInfo => ({
  id: row.id,
  role: row.role,
  label: row.label,
  institution: row.institutionId,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** The directory id a new key is bound to, checked against the directory; null for an unbound key. */
function institutionBinding(role: Role, institution: string | null): string | null {
  if (institution === null) return null;
  if (role !== "institution") {
    throw badRequest("institution_needs_institution_role", `institution: only an institution key can be bound to an institution (role is ${role})`);
  }
  if (getInstitution(institution) === undefined) {
    throw badRequest("unknown_institution", `institution: "${institution}" is not an id of the official directory (GET /v1/directory?q=… lists them, e.g. jd, icbc, webank)`);
  }
  return institution;
}

export function createApiKeyService(db: Db, ctx?: CoreContext): ApiKeyService {
  const cache: KeyCache = ctx ? ctx.singleton<KeyCache>("api-key-cache", () => new Map()) : new Map();
  const known = (key: string): Principal | undefined => {
    const cached = cache.get(key);
    return cached !== undefined && cached.expiresAt > Date.now() ? cached.principal : undefined;
  };
  return {
    async create({ role, label, institution }) {
      const institutionId = institutionBinding(role, institution ?? null);
      const key = generateKey();
      const [row] = await db
        .insert(apiKeys)
        .values({ id: newKeyId(), keyHash: hashKey(key), prefix: key.slice(0, VISIBLE_PREFIX_LENGTH), role, label: label ?? null, institutionId })
        .returning();
      return { key, info: toInfo(row as ApiKeyRow) };
    },

    known,

    async authenticate(key) {
      const cached = known(key);
      if (cached) return cached;
      if (!isWellFormedKey(key)) return null;
      const hash = hashKey(key);
      const [row] = await db
        .select({ id: apiKeys.id, role: apiKeys.role, institutionId: apiKeys.institutionId })
        .from(apiKeys)
        .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
        .limit(1);
      if (!row) {
        cache.delete(key);
        return null;
      }
      const principal: Principal = { keyId: row.id, role: row.role, institution: row.institutionId };
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(key, { principal, keyHash: hash, expiresAt: Date.now() + CACHE_TTL_MS });
      return principal;
    },

    async list({ limit, cursor }) {
      const after = decodeCursor(cursor, ["date", "text"]);
      const rows = await db
        .select()
        .from(apiKeys)
        .where(keysetAfter([apiKeys.createdAt, apiKeys.id], after, "desc"))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
        .limit(limit + 1);
      const page = toPage(rows, limit, (r) => [r.createdAt, r.id]);
      return { items: page.items.map(toInfo), nextCursor: page.nextCursor };
    },

    async revoke(id) {
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .returning();
      if (row) {
        for (const [key, entry] of cache) if (entry.keyHash === row.keyHash) cache.delete(key);
        return toInfo(row);
      }
      const [existing] = await db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
      if (existing) return toInfo(existing);
      throw notFound("key_not_found", `id: no API key ${id}`);
    },
  };
}
