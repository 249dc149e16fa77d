/** Key management commands (admin routes and the `scamguard keys` CLI share them). */
import type { ApiKeyInfo, ApiKeyList, CreateKeyRequest, CreateKeyResponse, PageQuery } from "@scamguard/contracts";
import type { Services } from "../services/index.js";

export const createKey = (services: Services, input: CreateKeyRequest): Promise<CreateKeyResponse> =>
  services.apiKeys.create({ role: input.role, label: input.label ?? null, institution: input.institution ?? null });

export const listKeys = (services: Services, page: PageQuery): Promise<ApiKeyList> => services.apiKeys.list(page);

export const revokeKey = (services: Services, id: string): Promise<ApiKeyInfo> => services.apiKeys.revoke(id);
