import { INDUSTRY_CODES, INDUSTRY_GROUPS, industryAncestors, label, type Locale } from '@kaimen/shared';

const text = (entry: { code: string; zh: string; en?: string }, locale: Locale): string =>
  `${entry.code} ${label(entry, locale)}`;

/** '7340' → '7340 医学研究和试验发展'; a code outside the dictionary shows as itself. */
export function industryLabel(code: string | null | undefined, locale: Locale): string {
  if (!code) return '—';
  const entry = [...INDUSTRY_CODES, ...INDUSTRY_GROUPS].find((e) => e.code === code);
  return entry ? text(entry, locale) : code;
}

const divisions = INDUSTRY_GROUPS.filter((g) => g.code.length === 2);

/** Select options of the GB/T 4754 classes, grouped by division (a company carries one class). */
export function industryClassOptions(locale: Locale) {
  return divisions.map((division) => ({
    label: text(division, locale),
    title: division.code,
    options: INDUSTRY_CODES.filter((c) => c.code.startsWith(division.code)).map((c) => ({
      value: c.code,
      label: text(c, locale),
    })),
  }));
}

export interface IndustryNode {
  value: string;
  title: string;
  children: IndustryNode[];
}

/** TreeSelect data division → group → class; the list filter matches any level as a code prefix. */
export function industryTree(locale: Locale): IndustryNode[] {
  const nodes = new Map<string, IndustryNode>();
  const nodeOf = (entry: { code: string; zh: string; en?: string }): IndustryNode => {
    let node = nodes.get(entry.code);
    if (!node) {
      node = { value: entry.code, title: text(entry, locale), children: [] };
      nodes.set(entry.code, node);
    }
    return node;
  };
  const roots: IndustryNode[] = divisions.map(nodeOf);
  for (const group of INDUSTRY_GROUPS.filter((g) => g.code.length === 3)) {
    nodes.get(group.code.slice(0, 2))?.children.push(nodeOf(group));
  }
  for (const entry of INDUSTRY_CODES) {
    const parent = industryAncestors(entry.code).at(-1);
    if (parent) nodes.get(parent)?.children.push(nodeOf(entry));
    else roots.push(nodeOf(entry));
  }
  return roots;
}
