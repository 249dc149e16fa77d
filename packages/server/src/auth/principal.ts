/** Who is calling: resolved once per request from `Authorization: Bearer <key>`. */
import type { Role } from "@scamguard/contracts";

export interface Principal {
  /** Public key id (`k_…`), or `local-admin` for the loopback admin token of a running server. */
  keyId: string;
  role: Role;
}
