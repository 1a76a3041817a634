/**
 * (a) Search in the database, through searchEnterprises: the first page of 20 and, apart, the capped total, for
 * 2-, 3-, 4-character and acronym terms, common and rare in the generated vocabulary.
 */
import type { Database } from '../apps/server/src/db/database.js';
import {
  SEARCH_COUNT_CAP,
  searchEnterprises,
} from '../apps/server/src/modules/enterprises/search/enterprise-search.js';
import { timeRuns, type Timing } from './timing.js';

export interface SearchTerm {
  term: string;
  kind: string;
}

/** Shares are the generator's (see generator-vocabulary.ts and generator-sectors.ts). */
export const SEARCH_TERMS: readonly SearchTerm[] = [
  { term: '生物', kind: '2 chars, common (~28 %)' },
  { term: '疫苗', kind: '2 chars, rare (~1.7 %)' },
  { term: '透析', kind: '2 chars, very rare (~0.04 %)' },
  { term: '医疗器', kind: '3 chars, common (~8 %)' },
  { term: '类器官', kind: '3 chars, rare (~0.1 %)' },
  { term: '技术开发', kind: '4 chars, very common (~59 %)' },
  { term: '生物医药', kind: '4 chars, names (~2.6 %)' },
  { term: '溶瘤病毒', kind: '4 chars, very rare (~0.03 %)' },
  { term: 'CRO', kind: 'acronym, common (~7 %)' },
  { term: 'CDMO', kind: 'acronym, common (~5 %)' },
  { term: 'mRNA', kind: 'acronym, rare (~0.3 %)' },
  { term: '区块链', kind: 'no hits' },
];

export interface SearchRow {
  term: string;
  kind: string;
  /** Hits up to the cap, and whether there are more. */
  total: number;
  capped: boolean;
  page: Timing;
  count: Timing;
}

export async function benchSearch(
  database: Database,
  tenantId: string,
  runs: number,
  log: (line: string) => void,
): Promise<SearchRow[]> {
  const out: SearchRow[] = [];
  const { db, dialect } = database;
  for (const { term, kind } of SEARCH_TERMS) {
    const counted = await searchEnterprises(db, dialect, { tenantId, q: term, limit: 0 });
    const page = await timeRuns(
      () => searchEnterprises(db, dialect, { tenantId, q: term, limit: 20, count: false }),
      runs,
    );
    const count = await timeRuns(() => searchEnterprises(db, dialect, { tenantId, q: term, limit: 0 }), runs);
    const row = { term, kind, total: counted.total ?? 0, capped: counted.totalCapped, page, count };
    log(
      `search ${term}: ${row.total}${row.capped ? '+' : ''} hits; page p50 ${page.p50.toFixed(2)} p95 ` +
        `${page.p95.toFixed(2)} ms; count p50 ${count.p50.toFixed(2)} p95 ${count.p95.toFixed(2)} ms`,
    );
    out.push(row);
  }
  return out;
}

export const CAP = SEARCH_COUNT_CAP;
