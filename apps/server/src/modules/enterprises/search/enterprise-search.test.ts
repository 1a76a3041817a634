import { foldFullWidth } from '@kaimen/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../db/database.js';
import { migrateDown, migrateToLatest } from '../../../db/migrate.js';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../../../test/helper.js';
import { COMPANIES, insertCompanies, type FixtureCompany } from './enterprise-search.fixtures.js';
import {
  indexEnterprises,
  rebuildSearchIndex,
  removeFromIndex,
  searchEnterprises,
  SEARCH_COUNT_CAP,
  type SearchOptions,
} from './enterprise-search.js';

/**
 * The expected ids of each term, written out: name hits (name, former name or USCC) in name order, then scope hits in
 * name order. They are what a plain substring search of the folded, lower-cased text finds (checked below by
 * `reference`), and both databases must return exactly these.
 */
const TERMS: [term: string, nameHits: string[], scopeHits: string[]][] = [
  // one character
  [
    '药',
    ['e16', 'e23', 'e14', 'e06', 'e38', 'e01', 'e27', 'e08', 'e09', 'e18', 'e07', 'e33', 'e05', 'e22', 'e26'],
    ['e21', 'e32', 'e04', 'e17', 'e02'],
  ],
  // two characters
  [
    '生物',
    [
      'e24',
      'e35',
      'e23',
      'e36',
      'e29',
      'e37',
      'e04',
      'e39',
      'e25',
      'e01',
      'e27',
      'e34',
      'e03',
      'e13',
      'e40',
      'e05',
      'e22',
      'e02',
      'e12',
    ],
    ['e21', 'e17', 'e15', 'e28', 'e18', 'e33'],
  ],
  ['疫苗', [], ['e04', 'e34', 'e03', 'e40', 'e05']],
  ['检测', ['e10'], ['e24', 'e39', 'e11', 'e28']],
  // three and four characters
  ['生物医', ['e23', 'e39', 'e27', 'e05'], ['e21', 'e01']],
  ['干细胞', ['e25'], []],
  ['基因工程', [], ['e25', 'e13', 'e12']],
  // mixed
  ['mRNA疫苗', [], ['e04', 'e05']],
  ['COVID-19', [], ['e03']],
  // acronyms, any case, full-width, and a word start
  ['CRO', [], ['e06', 'e17', 'e13', 'e07', 'e26']],
  ['ＣＲＯ', [], ['e06', 'e17', 'e13', 'e07', 'e26']],
  ['CDMO', [], ['e36', 'e37', 'e38', 'e01', 'e27', 'e08', 'e09']],
  ['cdmo', [], ['e36', 'e37', 'e38', 'e01', 'e27', 'e08', 'e09']],
  ['CDM', [], ['e36', 'e37', 'e38', 'e01', 'e27', 'e08', 'e09']],
  // digits inside a word
  ['13485', [], ['e11']],
  // USCC: its start, and its organisation code
  ['91310115MA1K', ['e37', 'e39', 'e17', 'e01', 'e27'], []],
  ['ma1k3b', ['e01'], []],
  ['91310115MA1K3BTP2B', ['e01'], []],
  // a former name
  ['连云港', ['e33'], []],
  ['深圳华大基因科技服务有限公司', ['e10'], []],
  // nothing
  ['区块链', [], []],
];

const fold = (s: string) => foldFullWidth(s).toLowerCase();
const byNameThenId = (a: FixtureCompany, b: FixtureCompany) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** What users expect: a substring of the name, a former name or the USCC; else of the business scope. */
function reference(companies: FixtureCompany[], term: string): [string[], string[]] {
  const needle = fold(term);
  const nameHits = companies
    .filter((c) => [c.name, ...(c.former ?? []), c.uscc].some((t) => fold(t).includes(needle)))
    .sort(byNameThenId);
  const scopeHits = companies
    .filter((c) => !nameHits.includes(c) && c.scope !== null && fold(c.scope).includes(needle))
    .sort(byNameThenId);
  return [nameHits.map((c) => c.id), scopeHits.map((c) => c.id)];
}

describe('enterprise search', () => {
  let testDb: TestDatabase;
  let database: Database;
  let tenant: TestTenant;
  let other: TestTenant;

  const search = (o: Omit<SearchOptions, 'tenantId' | 'limit'> & { tenantId?: string; limit?: number }) =>
    searchEnterprises(database.db, database.dialect, { tenantId: tenant.id, limit: 100, ...o });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
    await migrateToLatest(database);
    tenant = await createTenant(database, 'sa');
    other = await createTenant(database, 'sb');
    await insertCompanies(database, tenant.id, COMPANIES);
    // Another office holds companies by the same names and words: never found from the first.
    await insertCompanies(
      database,
      other.id,
      COMPANIES.slice(0, 10).map((c) => ({ ...c, id: `x-${c.id}` })),
    );
    const progress: [number, number][] = [];
    const { rows } = await rebuildSearchIndex(database, undefined, (done, total) => progress.push([done, total]));
    expect(rows).toBe(COMPANIES.length + 10);
    expect(progress.at(-1)).toEqual([rows, rows]);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it.runIf(DB_KIND === 'postgres')(
    'a full rebuild, which drops the search indexes, gives each one back as it was',
    async () => {
      const indexes = async () =>
        (
          await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
          where tablename = 'enterprise_search' order by indexname`.execute(database.db)
        ).rows;
      const before = await indexes();
      expect(before.map((i) => i.indexname)).toEqual([
        'enterprise_search_name_gin',
        'enterprise_search_pk',
        'enterprise_search_scope_gin',
        'enterprise_search_tenant_name_idx',
      ]);
      await rebuildSearchIndex(database);
      expect(await indexes()).toEqual(before);
      const page = await searchEnterprises(database.db, 'postgres', { tenantId: tenant.id, q: '疫苗', limit: 20 });
      expect(page.ids).toEqual(['e04', 'e34', 'e03', 'e40', 'e05']);
    },
  );

  it('expects what a substring search finds', () => {
    for (const [term, nameHits, scopeHits] of TERMS) {
      expect(reference(COMPANIES, term), term).toEqual([nameHits, scopeHits]);
    }
  });

  it.each(TERMS)('%s', async (term, nameHits, scopeHits) => {
    const expected = [...nameHits, ...scopeHits];
    expect(await search({ q: term })).toEqual({ ids: expected, total: expected.length, totalCapped: false });
  });

  it.each(['walk', 'gather'] as const)(
    'finds the same when made to %s (PostgreSQL picks per query)',
    async (strategy) => {
      for (const [term, nameHits, scopeHits] of TERMS) {
        expect((await search({ q: term, strategy })).ids, term).toEqual([...nameHits, ...scopeHits]);
        expect((await search({ q: term, strategy, limit: 2, offset: 1 })).ids, term).toEqual(
          [...nameHits, ...scopeHits].slice(1, 3),
        );
      }
    },
  );

  it('skips the count when told', async () => {
    expect(await search({ q: '疫苗', limit: 2, count: false })).toEqual({
      ids: ['e04', 'e34'],
      total: null,
      totalCapped: false,
    });
  });

  it('finds nothing for a blank query or punctuation', async () => {
    for (const q of ['', '   ', '、，（）']) {
      expect(await search({ q })).toEqual({ ids: [], total: 0, totalCapped: false });
    }
  });

  it('pages through name hits into scope hits', async () => {
    const all = (await search({ q: '生物' })).ids;
    expect(all).toHaveLength(25);
    for (const limit of [1, 3, 7]) {
      const pages: string[] = [];
      for (let offset = 0; offset < all.length + limit; offset += limit) {
        const page = await search({ q: '生物', limit, offset });
        expect(page.total).toBe(25);
        pages.push(...page.ids);
      }
      expect(pages).toEqual(all);
    }
    expect((await search({ q: '生物', limit: 0 })).ids).toEqual([]);
  });

  it('counts up to the cap and says when there are more', async () => {
    expect(SEARCH_COUNT_CAP).toBe(10_000);
    expect(await search({ q: '生物', limit: 3, countCap: 10 })).toEqual({
      ids: ['e24', 'e35', 'e23'],
      total: 10,
      totalCapped: true,
    });
    expect(await search({ q: '疫苗', countCap: 5 })).toMatchObject({ total: 5, totalCapped: false });
    expect(await search({ q: '疫苗', countCap: 4 })).toMatchObject({ total: 4, totalCapped: true });
  });

  it('applies a further condition on the enterprise', async () => {
    const zhangjiang = COMPANIES.filter((c) => c.park === '张江').map((c) => c.id);
    const [nameHits, scopeHits] = reference(COMPANIES, '生物');
    const expected = [...nameHits, ...scopeHits].filter((id) => zhangjiang.includes(id));
    expect(expected.length).toBeGreaterThan(3);
    const result = await search({ q: '生物', extraWhere: (eb) => eb('enterprises.park', '=', '张江') });
    expect(result).toEqual({ ids: expected, total: expected.length, totalCapped: false });
    const page = await search({
      q: '生物',
      limit: 2,
      offset: 2,
      extraWhere: (eb) => eb('enterprises.park', '=', '张江'),
    });
    expect(page.ids).toEqual(expected.slice(2, 4));
  });

  it("keeps tenants apart: another office's companies are never found", async () => {
    const mine = await search({ q: 'CDMO' });
    expect(mine.ids.every((id) => id.startsWith('e'))).toBe(true);
    const theirs = await search({ tenantId: other.id, q: 'CDMO' });
    expect(theirs.ids).toEqual(['x-e01', 'x-e08', 'x-e09']);
    expect((await search({ tenantId: 'no-such-tenant', q: 'CDMO' })).total).toBe(0);
  });

  describe('writes', () => {
    const companies = COMPANIES.map((c) => ({ ...c }));
    const expectTerms = async (terms: string[]) => {
      for (const term of terms) {
        const [nameHits, scopeHits] = reference(companies, term);
        expect((await search({ q: term, limit: 1000 })).ids, term).toEqual([...nameHits, ...scopeHits]);
      }
    };

    it('reflects a renamed company, a new scope and a new former name', async () => {
      const c = companies.find((x) => x.id === 'e30')!;
      c.name = '上海宝钢生物包装股份有限公司';
      c.scope = 'mRNA疫苗冷链包装研发；CDMO包装服务。';
      c.former = ['上海宝钢包装股份有限公司'];
      await database.transaction(async (trx) => {
        await trx
          .updateTable('enterprises')
          .set({ name: c.name, businessScope: c.scope })
          .where('tenantId', '=', tenant.id)
          .where('id', '=', c.id)
          .execute();
        await trx
          .insertInto('enterpriseFormerNames')
          .values({ tenantId: tenant.id, enterpriseId: c.id, name: c.former![0]! })
          .execute();
        await indexEnterprises(trx, database.dialect, tenant.id, [c.id]);
      });
      await expectTerms(['生物', 'mRNA疫苗', 'CDMO', '宝钢包装', '包装']);
      expect((await search({ q: '宝钢包装' })).ids).toEqual(['e30']);
    });

    it('rolls back with the transaction that wrote the company', async () => {
      const before = await search({ q: '生物', limit: 1000 });
      await expect(
        database.transaction(async (trx) => {
          await trx
            .updateTable('enterprises')
            .set({ name: '区块链科技有限公司', businessScope: '区块链' })
            .where('tenantId', '=', tenant.id)
            .where('id', '=', 'e24')
            .execute();
          await indexEnterprises(trx, database.dialect, tenant.id, ['e24']);
          expect(
            (await searchEnterprises(trx, database.dialect, { tenantId: tenant.id, q: '区块链', limit: 5 })).ids,
          ).toEqual(['e24']);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await search({ q: '区块链' })).toMatchObject({ ids: [], total: 0 });
      expect(await search({ q: '生物', limit: 1000 })).toEqual(before);
    });

    it('reflects a deleted company', async () => {
      await database.transaction(async (trx) => {
        await trx.deleteFrom('enterprises').where('tenantId', '=', tenant.id).where('id', '=', 'e01').execute();
        await removeFromIndex(trx, database.dialect, tenant.id, ['e01']);
      });
      companies.splice(
        companies.findIndex((c) => c.id === 'e01'),
        1,
      );
      await expectTerms(['生物', 'CDMO', '91310115MA1K']);
      // indexEnterprises of an id that no longer exists takes it out too.
      await database.transaction(async (trx) => {
        await trx.deleteFrom('enterprises').where('tenantId', '=', tenant.id).where('id', '=', 'e08').execute();
        await indexEnterprises(trx, database.dialect, tenant.id, ['e08']);
      });
      companies.splice(
        companies.findIndex((c) => c.id === 'e08'),
        1,
      );
      await expectTerms(['CDMO', '药']);
    });

    it('keeps name order through many companies added one by one between the same neighbours', async () => {
      // Ascending names between 上海之江… and 上海交大…, then descending ones just before 上海交大…: each lands
      // next to the previous one, so free positions between neighbours run out and have to be made.
      const added: FixtureCompany[] = [];
      for (let i = 1; i <= 45; i++) {
        added.push({
          id: `n${i}`,
          name: `上海之江生物科技股份有限公司${String(i).padStart(2, '0')}分公司`,
          uscc: `N${i}`,
          scope: '生物检测',
        });
      }
      for (let i = 45; i >= 1; i--) {
        added.push({
          id: `m${i}`,
          name: `上海之江生物科技股份有限公司9${String(i).padStart(2, '0')}`,
          uscc: `M${i}`,
          scope: null,
        });
      }
      for (const c of added) {
        await insertCompanies(database, tenant.id, [c]);
        await indexEnterprises(database.db, database.dialect, tenant.id, [c.id]);
        companies.push(c);
      }
      await expectTerms(['生物', '上海之江', '检测']);
      // and a rebuild of the one tenant gives the same
      await rebuildSearchIndex(database, tenant.id);
      await expectTerms(['生物', '上海之江', '检测', 'CDMO']);
      expect((await search({ tenantId: other.id, q: 'CDMO' })).ids).toEqual(['x-e01', 'x-e08', 'x-e09']);
    });
  });

  it("lets the server's other work run while it rebuilds (SQLite answers synchronously)", async () => {
    let finished = false;
    let ranDuring = false;
    setImmediate(() => (ranDuring = !finished));
    await rebuildSearchIndex(database, tenant.id);
    finished = true;
    expect(ranDuring).toBe(true);
  });

  it('the migration indexes enterprises written before it', async () => {
    const before = await search({ q: '生物', limit: 1000 });
    expect(before.total).toBeGreaterThan(100);
    await migrateDown(database);
    await migrateToLatest(database);
    expect(await search({ q: '生物', limit: 1000 })).toEqual(before);
    expect((await search({ tenantId: other.id, q: 'CDMO' })).ids).toEqual(['x-e01', 'x-e08', 'x-e09']);
  });
});
