/** The policy admits keyed callers only on these routes; this turns that guarantee into a type. */
import type { FastifyRequest } from "fastify";
import type { Principal } from "../auth/principal.js";
import { unauthorized } from "../errors.js";

export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw unauthorized("Authorization: this route needs an API key");
  return request.principal;
}
