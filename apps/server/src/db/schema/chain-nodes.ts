/** The industry chain as a tree the admin edits; seeded from the default biotech-services chain. */
export interface ChainNodesTable {
  tenantId: string;
  id: string;
  parentId: string | null;
  code: string;
  nameZh: string;
  nameEn: string;
  /** upstream | midstream | downstream */
  segment: string;
  /** JSON arrays of GB/T 4754 codes and keywords used to place companies on the node. */
  industryCodes: string;
  keywords: string;
  sort: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}
