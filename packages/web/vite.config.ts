/**
 * The web app's build. `npm start` builds it on first run (scripts/ensure-web-build.mjs) into `dist/`,
 * which the server serves at `/`. `npm run dev -w @scamguard/web` serves it with hot reload and sends
 * API calls to a server on :8787.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes `.br` and `.gz` beside each script, style and page, so the server sends them compressed
 * without compressing per request (@fastify/static `preCompressed`): a phone on a slow line fetches
 * about a third of the bytes.
 */
function precompress(): Plugin {
  return {
    name: "scamguard-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const path = join(options.dir ?? "dist", name);
        const body = readFileSync(path);
        // Quality 9: within a few per cent of 11 at a tenth of the time (11 took ~8 s here).
        writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The on-device engine (detect, with its phone/domain libraries and dictionaries) is a lazy chunk:
    // it is only fetched when the server cannot be reached.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/v1": "http://127.0.0.1:8787" } },
});
