import { describe, expect, it } from "vitest";
import { networkOf, redactedError, redactedUrl } from "./log-redaction.js";

describe("log redaction", () => {
  it("shows the route pattern and the query's names, never values or unknown names", () => {
    expect(redactedUrl("/v1/lookup?kind=email&value=li%40x.cn", "/v1/lookup")).toBe("/v1/lookup?kind=_&value=_");
    expect(redactedUrl("/v1/conversations/cv_x/events", "/v1/conversations/:id/events")).toBe("/v1/conversations/:id/events");
    expect(redactedUrl("/v1/directory?13800138000", "/v1/directory")).toBe("/v1/directory?_=_");
    expect(redactedUrl("/v1/lookup/+8613800138000", undefined)).toBe("(no route)");
  });

  it("cuts addresses to their network", () => {
    expect(networkOf("203.0.113.57")).toBe("203.0.113.0/24");
    expect(networkOf("::ffff:203.0.113.57")).toBe("203.0.113.0/24");
    expect(networkOf("2001:db8:1234:5678::1")).toBe("2001:db8:1234::/48");
    expect(networkOf("::1")).toBe("0:0:0::/48");
    expect(networkOf(undefined)).toBeUndefined();
  });

  it("drops what a failed query quotes from the input, also in the cause", () => {
    const cause = Object.assign(new Error("duplicate key"), { detail: "Key (value)=(+8613800138000) already exists", code: "23505" });
    const error = Object.assign(new Error("Failed query: insert into t values ($1)\nparams: +8613800138000"), { params: ["+8613800138000"], cause });
    const logged = JSON.stringify(redactedError(error));
    expect(logged).not.toContain("13800138000");
    expect(logged).toContain("Failed query: insert into t values ($1)");
    expect(logged).toContain("caused by: Error: duplicate key");
  });
});
