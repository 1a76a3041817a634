import { CHAIN_TEMPLATE, label, type Locale } from '@kaimen/shared';
import { CHAIN_SEGMENTS, type ChainNodeRecord, type ChainSegment } from './chain-api';

export interface ChainTreeNode {
  node: ChainNodeRecord;
  children: ChainTreeNode[];
}

export const chainNodeName = (node: Pick<ChainNodeRecord, 'nameZh' | 'nameEn'>, locale: Locale): string =>
  label({ zh: node.nameZh, en: node.nameEn || undefined }, locale);

export function segmentLabel(segment: string, locale: Locale): string {
  const entry = CHAIN_TEMPLATE.segments.find((s) => s.code === segment);
  return entry ? label(entry, locale) : segment;
}

const bySortThenCode = (a: ChainTreeNode, b: ChainTreeNode): number =>
  a.node.sort - b.node.sort || a.node.code.localeCompare(b.node.code);

/** The flat list nested by parentId, roots grouped by segment; a node whose parent is gone counts as a root. */
export function nestChain(nodes: readonly ChainNodeRecord[]): Record<ChainSegment, ChainTreeNode[]> {
  const wrapped = new Map(nodes.map((node) => [String(node.id), { node, children: [] } as ChainTreeNode]));
  const out: Record<ChainSegment, ChainTreeNode[]> = { upstream: [], midstream: [], downstream: [] };
  for (const item of wrapped.values()) {
    const parent = item.node.parentId === null ? undefined : wrapped.get(String(item.node.parentId));
    if (parent) parent.children.push(item);
    else (out[item.node.segment] ?? out.midstream).push(item);
  }
  for (const item of wrapped.values()) item.children.sort(bySortThenCode);
  for (const segment of CHAIN_SEGMENTS) out[segment].sort(bySortThenCode);
  return out;
}

/** Ids of a node and everything below it (a node cannot move under any of them). */
export function subtreeIds(nodes: readonly ChainNodeRecord[], id: ChainNodeRecord['id']): Set<string> {
  const out = new Set([String(id)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (node.parentId !== null && out.has(String(node.parentId)) && !out.has(String(node.id))) {
        out.add(String(node.id));
        grew = true;
      }
    }
  }
  return out;
}

export interface ChainOption {
  value: string;
  title: string;
  selectable?: boolean;
  disabled?: boolean;
  children?: ChainOption[];
}

interface OptionSettings {
  /** What a node's value is: its code (filters, enterprise form) or its id (the parent picker). */
  valueOf: (node: ChainNodeRecord) => string;
  /** Ids left out, with their subtrees. */
  exclude?: Set<string>;
}

/** TreeSelect data: segments as unselectable headings, nodes under them. */
export function chainOptions(
  nodes: readonly ChainNodeRecord[],
  locale: Locale,
  { valueOf, exclude }: OptionSettings,
): ChainOption[] {
  const nested = nestChain(nodes);
  const toOption = (item: ChainTreeNode): ChainOption => ({
    value: valueOf(item.node),
    title: chainNodeName(item.node, locale),
    children: item.children.filter((c) => !exclude?.has(String(c.node.id))).map(toOption),
  });
  return CHAIN_SEGMENTS.map((segment) => ({
    value: `segment:${segment}`,
    title: segmentLabel(segment, locale),
    selectable: false,
    children: nested[segment].filter((item) => !exclude?.has(String(item.node.id))).map(toOption),
  }));
}
