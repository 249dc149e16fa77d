/** Runs once per `vitest run`, before any test file: the migrated PGlite template every test app copies. */
import { pgliteTemplate } from "../../packages/server/src/testing/pglite-template.js";

export default async function setup(): Promise<void> {
  await pgliteTemplate();
}
