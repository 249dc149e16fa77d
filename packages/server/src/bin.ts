#!/usr/bin/env node
/** The server process: environment → config → listen. Everything else is the library. */
import { ConfigError, loadConfig } from "./config.js";
import { startServer } from "./start.js";

try {
  await startServer(loadConfig(process.env));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `scamguard server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
