import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-platform.js';
import * as m0002 from './0002-enterprises.js';
import * as m0003 from './0003-enterprise-search.js';
import * as m0004 from './0004-imports.js';
import * as m0005 from './0005-enterprise-list-indexes.js';
import * as m0006 from './0006-pipeline.js';
import * as m0007 from './0007-visits-needs.js';
import * as m0008 from './0008-property.js';
import * as m0009 from './0009-incubator.js';
import * as m0010 from './0010-rental-notices.js';
import * as m0011 from './0011-sqlite-child-tables-without-rowid.js';
import * as m0012 from './0012-sqlite-search-unique-index.js';

/** Numbered migrations, applied in key order. Never edit one that has shipped: add the next. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-enterprises': m0002,
  '0003-enterprise-search': m0003,
  '0004-imports': m0004,
  '0005-enterprise-list-indexes': m0005,
  '0006-pipeline': m0006,
  '0007-visits-needs': m0007,
  '0008-property': m0008,
  '0009-incubator': m0009,
  '0010-rental-notices': m0010,
  '0011-sqlite-child-tables-without-rowid': m0011,
  '0012-sqlite-search-unique-index': m0012,
};
