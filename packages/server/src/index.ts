/** @scamguard/server: the HTTP service as a library. */
export { createApp, type AppOverrides } from "./app.js";
export { loadConfig, ConfigError, type Config } from "./config.js";
export { startServer, type RunningServer } from "./start.js";
export { AppError } from "./errors.js";
