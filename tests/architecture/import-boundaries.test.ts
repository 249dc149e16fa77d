/**
 * The arrows of ARCHITECTURE.md, enforced: contracts imports nothing of ours; detect imports only
 * contracts and no I/O (it runs in the browser); stream imports only contracts and detect; no package
 * imports the web app; no import cycles.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const IMPORT = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
/** `import type` is erased at compile time: it can neither pull I/O into a bundle nor form a runtime cycle. */
const TYPE_ONLY = /^\s*(?:import|export)\s+type\s/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !TYPE_ONLY.test(line))
    .join("\n");
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2]) as string);
}

const FORBIDDEN_IN_PURE = /^(node:|fs$|path$|http|net$|child_process|pg$|@electric-sql|drizzle|fastify|@fastify|ioredis|@nats-io|@scamguard\/(server|cli|web))/;

describe("import boundaries", () => {
  it("contracts imports nothing of ours", () => {
    for (const file of sourceFiles(join(root, "packages/contracts/src"))) {
      const bad = importsOf(file).filter((spec) => spec.startsWith("@scamguard/"));
      expect(bad, relative(root, file)).toEqual([]);
    }
  });

  it("detect imports only contracts and does no I/O", () => {
    for (const file of sourceFiles(join(root, "packages/detect/src"))) {
      const bad = importsOf(file).filter((spec) => FORBIDDEN_IN_PURE.test(spec));
      expect(bad, relative(root, file)).toEqual([]);
    }
  });

  it("web imports no server, CLI or Node-only code (it is a browser bundle)", () => {
    const SERVER_SIDE = /^(node:|fs$|path$|http|net$|child_process|pg$|@electric-sql|drizzle|fastify|@fastify|ioredis|@nats-io|@node-rs|@scamguard\/(server|cli|stream))/;
    for (const file of sourceFiles(join(root, "packages/web/src"))) {
      const bad = importsOf(file).filter((spec) => SERVER_SIDE.test(spec));
      expect(bad, relative(root, file)).toEqual([]);
    }
  });

  it("stream imports only contracts and detect of ours (the CLI wires it to the server's store)", () => {
    for (const file of sourceFiles(join(root, "packages/stream/src"))) {
      const bad = importsOf(file).filter((spec) => /^@scamguard\/(server|cli|web)/.test(spec));
      expect(bad, relative(root, file)).toEqual([]);
    }
  });

  it("has no import cycles between relative modules", () => {
    const files = ["contracts", "detect", "server", "stream", "cli"].flatMap((p) => sourceFiles(join(root, "packages", p, "src")));
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const deps = importsOf(file)
        .filter((spec) => spec.startsWith("."))
        .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, ".ts"));
      graph.set(file, deps);
    }
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(root, f)).join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const dep of graph.get(file) ?? []) visit(dep, [...path, file]);
      state.set(file, "done");
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
