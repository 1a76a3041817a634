/** The pure part of the enterprise import (no database): read, find the header, validate, de-duplicate. */
export * from './read-rows.js';
export * from './decode-text.js';
export * from './header.js';
export * from './validate-row.js';
export * from './dedupe.js';
export * from './check-rows.js';
