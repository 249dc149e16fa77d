/** Who is calling: resolved once per request from `Authorization: Bearer <key>`. */
import type { Role } from "@scamguard/contracts";

export interface Principal {
  /** Public key id (`k_…`), or `local-admin` for the loopback admin token of a running server. */
  keyId: string;
  role: Role;
  /**
   * Directory id (`jd`, `icbc`) an institution key is bound to, or null (unbound keys, other roles).
   * Acting in an institution's name (declaring its outbound contacts, receiving its freeze requests)
   * needs this; screening and lookup do not. Optional so that a principal built by hand (benches, tests)
   * reads as unbound; read it as `principal.institution ?? null`.
   */
  institution?: string | null;
}
