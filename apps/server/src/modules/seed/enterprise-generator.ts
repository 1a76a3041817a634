import type { TEnterpriseInput } from '@kaimen/shared';
import { generatedUscc } from './generator-codes.js';
import { hashSeed, RowRandom } from './generator-random.js';
import { BIO_SECTORS, SECTORS, type Sector } from './generator-sectors.js';
import {
  AREAS,
  BRAND_CHARS,
  COMMON_CLAUSES,
  CONTACT_TITLES,
  DOMAIN_SUFFIXES,
  DOMAIN_SYLLABLES,
  GIVEN_CHARS,
  LEGAL_FORMS,
  MOBILE_PREFIXES,
  PARKS,
  RARE_CLAUSES,
  SCOPE_SUFFIX,
  SIZES,
  SURNAMES,
  TAGS,
  type Area,
} from './generator-vocabulary.js';
import { generatedQualifications, type GeneratedSize } from './generator-qualifications.js';

/**
 * Realistic companies of a biotech development zone's registry, for the demo tenant and the benchmarks: names of
 * region, brand and industry words, business scopes from a biotech / pharma / manufacturing / services vocabulary,
 * valid and unique USCCs, contacts with valid mobile numbers, qualifications with dates and a few years of figures.
 *
 * Deterministic: row i of a seed is always the same, whichever slice it is generated in (`start`), and needs no clock.
 * What it yields is already clean (ZEnterpriseInput gives back the same), so bulk loads can skip the schema.
 */

export interface GenerateOptions {
  seed: string | number;
  count: number;
  /** Index of the first row: rows do not depend on the rows before them. */
  start?: number;
}

/** Years with figures, and the last founding year: fixed, so the output does not depend on today's date. */
export const FIGURE_YEARS = [2022, 2023, 2024] as const;
const LAST_FOUNDED_YEAR = 2025;

const SECTOR_WEIGHTS = SECTORS.map((s) => [s, s.weight] as const);
const CHAIN_SECTORS = SECTORS.filter((s) => s.chainNodes.length > 0);
const BRAND_LENGTHS = [[2, 85], [3, 10], [4, 5]] as const; // prettier-ignore
const EXTRA_CLAUSES = [...COMMON_CLAUSES, ...RARE_CLAUSES];
const EMPLOYEES: Record<GeneratedSize, [number, number]> = {
  micro: [2, 19],
  small: [20, 99],
  medium: [100, 499],
  large: [500, 3000],
};
/** Registered capital in 万元, by size: mostly round amounts, as registries show them. */
const CAPITAL_WAN: Record<GeneratedSize, number[]> = {
  micro: [10, 30, 50, 100, 200, 300, 500],
  small: [100, 200, 300, 500, 800, 1000, 2000],
  medium: [1000, 2000, 3000, 5000, 8000, 10000],
  large: [5000, 10000, 20000, 50000, 100000],
};

const pad2 = (n: number) => String(n).padStart(2, '0');
const round100 = (yuan: number) => Math.round(yuan / 100) * 100;

function personName(r: RowRandom): string {
  return r.weighted(SURNAMES) + r.chars(GIVEN_CHARS, r.chance(0.7) ? 2 : 1);
}

function companyName(r: RowRandom, area: Area, brand: string, sector: Sector, form: string): string {
  const word = r.pick(sector.nameWords);
  const p = r.next();
  if (p < 0.6) return `${area.city}${brand}${word}${form}`;
  if (p < 0.85) return `${brand}${word}(${area.city})${form}`;
  return `${brand}${word}${form}`;
}

function businessScope(r: RowRandom, sector: Sector): string {
  const clauses = r.weightedDistinct(sector.clauses, r.int(2, 4));
  if (BIO_SECTORS.has(sector.code) && r.chance(0.3)) clauses.push('生物技术推广服务');
  for (const [clause, p] of EXTRA_CLAUSES) if (r.chance(p)) clauses.push(clause);
  return `${clauses.join('；')}。${r.chance(0.5) ? SCOPE_SUFFIX : ''}`;
}

function chainNodes(r: RowRandom, sector: Sector): string[] {
  if (sector.chainNodes.length === 0) return [];
  const nodes = [r.pick(sector.chainNodes)];
  // Some companies work on two links of the chain (a CRO that also tests).
  if (r.chance(0.2)) {
    const other = r.pick(r.pick(CHAIN_SECTORS).chainNodes);
    if (!nodes.includes(other)) nodes.push(other);
  }
  return nodes;
}

function yearlyFigures(r: RowRandom, size: GeneratedSize, bio: boolean, foundedYear: number) {
  const [lo, hi] = EMPLOYEES[size];
  let employees = r.int(lo, hi);
  const perHead = r.int(30, 200) * 10_000;
  return FIGURE_YEARS.filter((y) => y >= foundedYear).map((year) => {
    employees = Math.max(1, Math.round(employees * (0.9 + r.next() * 0.3)));
    const revenue = round100(employees * perHead * (0.8 + r.next() * 0.4));
    return {
      year,
      employees,
      revenue,
      rndSpend: round100(revenue * (bio ? 0.05 + r.next() * 0.2 : 0.01 + r.next() * 0.04)),
      taxPaid: round100(revenue * (0.02 + r.next() * 0.06)),
    };
  });
}

function contacts(r: RowRandom, domain: string) {
  const titles = [...CONTACT_TITLES];
  return Array.from({ length: r.chance(0.3) ? 2 : 1 }, (_, k) => {
    const title = titles.splice(r.int(0, titles.length - 1), 1)[0]!;
    const mobile = r.pick(MOBILE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');
    const email = r.chance(0.5) ? `${r.pick(['info', 'hr', 'bd', 'office'])}${k || ''}@${domain}` : null;
    return { name: personName(r), title, mobile, email };
  });
}

/** Row `index` of a seed. */
export function generateEnterprise(seed: string | number, index: number): TEnterpriseInput {
  const seedHash = hashSeed(seed);
  const r = new RowRandom(seedHash, index);
  const sector = r.weighted(SECTOR_WEIGHTS);
  const area = r.weighted(AREAS);
  const size = r.weighted(SIZES);
  const park = r.weighted(PARKS);
  // Skewed towards recent years, as registries are.
  const foundedYear = LAST_FOUNDED_YEAR - Math.floor(30 * r.next() ** 1.6);
  const foundedOn = `${foundedYear}-${pad2(r.int(1, 12))}-${pad2(r.int(1, 28))}`;
  const brand = r.chars(BRAND_CHARS, r.weighted(BRAND_LENGTHS));
  const form = r.weighted(LEGAL_FORMS);
  const name = companyName(r, area, brand, sector, form);
  const formerNames: string[] = [];
  if (form === '股份有限公司' && r.chance(0.25)) formerNames.push(name.replace(form, '有限公司'));
  else if (r.chance(0.02)) formerNames.push(companyName(r, area, brand, r.weighted(SECTOR_WEIGHTS), '有限公司'));
  const domain = `${r.pick(DOMAIN_SYLLABLES)}${r.pick(DOMAIN_SYLLABLES)}${r.weighted(DOMAIN_SUFFIXES)}.com`;
  const capitalWan = r.chance(0.85) ? r.pick(CAPITAL_WAN[size]) : r.int(10, CAPITAL_WAN[size].at(-1)!);
  const building = r.chance(0.6) ? `${r.int(1, 20)}幢${r.int(1, 20)}${pad2(r.int(1, 30))}室` : '';
  return {
    uscc: generatedUscc(seedHash, index, area.code, foundedYear < 2016),
    name,
    legalRepresentative: personName(r),
    registeredCapital: capitalWan * 10_000,
    foundedOn,
    address: `${area.prefix}${r.pick(area.roads)}${r.int(1, 2999)}号${building}`,
    park,
    industryCode: r.pick(sector.industryCodes),
    businessScope: businessScope(r, sector),
    size,
    website: r.chance(0.35) ? `https://www.${domain}` : null,
    notes: null,
    formerNames: formerNames.filter((n) => n !== name),
    tags: TAGS.filter(([, p]) => r.chance(p)).map(([tag]) => tag),
    qualifications: generatedQualifications(r, { sector, size, park, foundedYear, areaCode: area.code }),
    contacts: contacts(r, domain),
    chainNodeCodes: chainNodes(r, sector),
    figures: yearlyFigures(r, size, BIO_SECTORS.has(sector.code), foundedYear),
    // Officers are the tenant's users: the caller assigns them.
    assignedOfficerId: undefined,
  };
}

/** `count` rows of a seed from row `start` (0 unless told), one at a time. */
export function* generateEnterprises(o: GenerateOptions): Generator<TEnterpriseInput> {
  const start = o.start ?? 0;
  for (let i = start; i < start + o.count; i++) yield generateEnterprise(o.seed, i);
}
