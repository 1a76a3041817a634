import { foldFullWidth } from '@kaimen/shared';
import type { CheckedRow } from './check-rows.js';
import type { HeaderMatch } from './header.js';
import { reasonMessage } from './validate-row.js';

/** What an import needs of a tenant's chain node to recognise it in a file. */
export interface ChainNodeNames {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A chain node's code from its code or either name, as files write them (临床前研究 as often as cro-preclinical). */
export function chainCodeOf(nodes: readonly ChainNodeNames[]): (text: string) => string | undefined {
  const key = (s: string) => foldFullWidth(s).trim().toLowerCase();
  const byKey = new Map<string, string>();
  for (const n of nodes) for (const k of [n.nameEn, n.nameZh, n.code]) byKey.set(key(k), n.code);
  return (text) => byKey.get(key(text));
}

/**
 * A good row's chain nodes as the tenant's codes; a row naming a node the tenant does not have becomes a bad row at the
 * chain node column (its cells are kept for the report).
 */
export function resolveChainNodes(
  row: CheckedRow,
  codeOf: (text: string) => string | undefined,
  header: HeaderMatch,
): CheckedRow {
  const r = row.result;
  if (!r.ok || !r.value.chainNodeCodes) return row;
  const codes = r.value.chainNodeCodes.map(codeOf);
  if (codes.every((c): c is string => c !== undefined)) {
    return { ...row, result: { ...r, value: { ...r.value, chainNodeCodes: codes } } };
  }
  const column = Object.entries(header.mapping).find(([, f]) => f === 'chainNodeCodes');
  const index = column ? Number(column[0]) : null;
  return {
    ...row,
    result: {
      ok: false,
      uscc: r.uscc,
      errors: [
        {
          column: index === null ? '' : (header.headers[index] ?? ''),
          columnIndex: index,
          field: 'chainNodeCodes',
          reason: 'chain-node-unknown',
          message: reasonMessage('chain-node-unknown'),
        },
      ],
    },
  };
}
