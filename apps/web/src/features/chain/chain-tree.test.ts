import { describe, expect, it } from 'vitest';
import type { ChainNodeRecord } from './chain-api';
import { chainOptions, nestChain, subtreeIds } from './chain-tree';

const node = (id: string, parentId: string | null, segment: ChainNodeRecord['segment'], sort = 0): ChainNodeRecord => ({
  id,
  parentId,
  code: id,
  nameZh: `节点${id}`,
  nameEn: `Node ${id}`,
  segment,
  industryCodes: [],
  keywords: [],
  sort,
  version: 1,
});

const NODES = [
  node('cro_clinical', 'cro', 'midstream', 3),
  node('cro', null, 'midstream', 1),
  node('cro_discovery', 'cro', 'midstream', 1),
  node('cdmo', null, 'midstream', 2),
  node('reagents', null, 'upstream'),
  node('orphan', 'gone', 'downstream'),
];

describe('the chain tree', () => {
  it('nests the flat list by parentId, by segment, in sort order', () => {
    const tree = nestChain(NODES);
    expect(tree.upstream.map((n) => n.node.code)).toEqual(['reagents']);
    expect(tree.midstream.map((n) => n.node.code)).toEqual(['cro', 'cdmo']);
    expect(tree.midstream[0]!.children.map((n) => n.node.code)).toEqual(['cro_discovery', 'cro_clinical']);
    // A node whose parent is missing is still shown, as a root.
    expect(tree.downstream.map((n) => n.node.code)).toEqual(['orphan']);
  });

  it('finds a subtree, so a node cannot be moved under itself', () => {
    expect([...subtreeIds(NODES, 'cro')].sort()).toEqual(['cro', 'cro_clinical', 'cro_discovery']);
    expect([...subtreeIds(NODES, 'cdmo')]).toEqual(['cdmo']);
  });

  it('offers segments as unselectable headings and leaves out excluded subtrees', () => {
    const options = chainOptions(NODES, 'en', { valueOf: (n) => n.code, exclude: subtreeIds(NODES, 'cro') });
    expect(options.map((o) => [o.title, o.selectable])).toEqual([
      ['Upstream', false],
      ['Midstream', false],
      ['Downstream', false],
    ]);
    expect(options[1]!.children!.map((o) => o.value)).toEqual(['cdmo']);
  });
});
