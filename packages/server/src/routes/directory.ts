/** The official directory over HTTP, anonymous under the rate limit: `GET /v1/directory`, `POST /v1/directory/verify`. */
import { DirectorySearchQuerySchema, DirectorySearchResponseSchema, ErrorResponseSchema, VerifyRequestSchema, VerifyResponseSchema } from "@scamguard/contracts";
import { searchInstitutions, verifyContact } from "../commands/directory-check.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 429: ErrorResponseSchema };

export const directoryRoutes: RouteModule = (app) => {
  app.get(
    "/v1/directory",
    {
      schema: {
        tags: ["directory"],
        summary: "Search the official directory: institutions, their real numbers, domains and apps, and what they never do",
        querystring: DirectorySearchQuerySchema,
        response: { 200: DirectorySearchResponseSchema, ...errors },
      },
    },
    async (request) => searchInstitutions(request.query),
  );

  app.post(
    "/v1/directory/verify",
    {
      schema: {
        tags: ["directory"],
        summary: "Is this contact really the institution it claims to be? match | mismatch | unknown, with the number to call back",
        body: VerifyRequestSchema,
        response: { 200: VerifyResponseSchema, ...errors, 413: ErrorResponseSchema, 415: ErrorResponseSchema, 422: ErrorResponseSchema },
      },
    },
    async (request) => verifyContact(request.body),
  );
};
