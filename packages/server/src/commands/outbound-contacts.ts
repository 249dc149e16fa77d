/**
 * Declared outbound contacts: declare (bound institution keys only, never from another institution's
 * number or ID), end early, and verify ("is it really them, right now?").
 */
import {
  DEFAULT_OUTBOUND_TTL_SECONDS,
  type DeclareOutboundRequest,
  type DeclaredContact,
  type OutboundContact,
  type VerifyContactRequest,
} from "@scamguard/contracts";
import { contactFromKey, contactFromOwner, getInstitution, institutionLabel } from "@scamguard/detect";
import type { Principal } from "../auth/principal.js";
import { AppError, notFound } from "../errors.js";
import type { AppliedDeclaration } from "../services/contact-sync.js";
import type { NewDeclaration } from "../services/contacts.js";
import type { Services } from "../services/index.js";

/** The institution a key acts for; declaring needs one. @throws AppError 403 `institution_key_unbound` */
export function boundInstitution(principal: Principal): string {
  const institution = principal.institution ?? null;
  if (institution === null) {
    throw new AppError(
      403,
      "institution_key_unbound",
      "this key is not bound to an institution, so it cannot act in one's name; declaring contacts needs a key created with " +
        "`scamguard keys create --role institution --institution <directory id>` (e.g. jd, icbc, webank)",
    );
  }
  return institution;
}

const itemsOf = (request: DeclareOutboundRequest): OutboundContact[] => ("items" in request ? request.items : [request]);

/**
 * Validates and authorises every item, then stores them all or none. Run inside `ctx.transaction`, then
 * hand `applied` to `contacts.applyDeclared` after the commit.
 * @throws AppError 403 `institution_key_unbound`, 403 `contact_from_other_institution` naming the item
 */
export async function declareContacts(
  services: Services,
  request: DeclareOutboundRequest,
  principal: Principal,
): Promise<{ contacts: DeclaredContact[]; applied: AppliedDeclaration[] }> {
  const institution = boundInstitution(principal);
  const batch = "items" in request;
  const declarations: NewDeclaration[] = itemsOf(request).map((item, i) => {
    const owner = contactFromOwner(item.from);
    if (owner !== undefined && owner.id !== institution) {
      const own = getInstitution(institution);
      throw new AppError(
        403,
        "contact_from_other_institution",
        `${batch ? `items.${i}.` : ""}from: ${item.from} is an official contact or name of ${institutionLabel(owner, "en")}, not of ${own ? institutionLabel(own, "en") : institution}; ` +
          "a key may declare contacts only from its own institution's numbers and IDs",
      );
    }
    return {
      institution,
      keyId: principal.keyId,
      channel: item.channel,
      fromKey: contactFromKey(item.from),
      toHash: item.toHash,
      purpose: item.purpose ?? null,
      agentRef: item.agentRef ?? null,
      ttlSeconds: item.ttlSeconds ?? DEFAULT_OUTBOUND_TTL_SECONDS,
    };
  });
  return services.contacts.insert(declarations);
}

/**
 * Ends a declaration of the key's own institution now (idempotent). Another institution's id answers 404,
 * exactly like an unknown one. Apply `ended` after the commit.
 * @throws AppError 404 `contact_not_found`
 */
export async function endContact(services: Services, id: string, principal: Principal) {
  const institution = boundInstitution(principal);
  const done = await services.contacts.end(institution, id);
  if (done === null) throw notFound("contact_not_found", `id: no declared contact ${id} of ${institution}`);
  return done;
}

/** "Is it really them, right now?": answered from memory, the same shape whatever the answer; as JSON text. */
export function verifyDeclaredContactJson(services: Services, input: VerifyContactRequest): Promise<string> {
  return services.contacts.verifyJson(input);
}
