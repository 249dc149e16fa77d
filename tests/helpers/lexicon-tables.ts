/**
 * Runs before each test file: its engine starts the lexicon scanner from the tables on disk, as the CLI does,
 * instead of reading every pattern's source again (about a second of CPU per file that analyses a text).
 */
import { useDiskLexiconTableCache } from "../../packages/cli/src/lexicon-table-cache.js";

useDiskLexiconTableCache();
