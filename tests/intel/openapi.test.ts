/** The intelligence routes are documented in OpenAPI from the contract's schemas. */
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("intel OpenAPI", (t) => {
  it("documents reports, lookup and directory with their schemas", async () => {
    const res = await t().app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const spec = res.json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [path, method, status] of [
      ["/v1/reports", "post", "201"],
      ["/v1/reports", "get", "200"],
      ["/v1/reports/{id}", "get", "404"],
      ["/v1/lookup", "get", "422"],
      ["/v1/lookup", "post", "200"],
      ["/v1/directory", "get", "200"],
      ["/v1/directory/verify", "post", "422"],
    ] as const) {
      expect(spec.paths[path]?.[method]?.responses, `${method} ${path}`).toHaveProperty(status);
    }
    const lookup = JSON.stringify(spec.paths["/v1/lookup"]?.get?.responses["200"]);
    for (const field of ["verdict", "distinctReporters", "firstSeen", "reasons"]) expect(lookup).toContain(field);
  });
});
