import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

/** What services need from the running app. */
export interface Deps {
  database: Database;
  config: Config;
}
