import { Empty, List, Tag } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { useChainNodes, type ChainNodeRecord } from '../chain/chain-api';
import { chainNodeName, segmentLabel } from '../chain/chain-tree';

/** The chain nodes the company sits on, each with its segment and the nodes above it. */
export function ChainTab({ codes }: { codes: string[] }) {
  const { t, locale } = useI18n();
  const chain = useChainNodes();
  const nodes = chain.data ?? [];
  const byId = new Map(nodes.map((n) => [String(n.id), n]));
  const byCode = new Map(nodes.map((n) => [n.code, n]));

  const trail = (node: ChainNodeRecord): string[] => {
    const names = [chainNodeName(node, locale)];
    let parent = node.parentId === null ? undefined : byId.get(String(node.parentId));
    while (parent) {
      names.unshift(chainNodeName(parent, locale));
      parent = parent.parentId === null ? undefined : byId.get(String(parent.parentId));
    }
    return names;
  };

  if (codes.length === 0) return <Empty description={t('enterprise.noChainNodes')} />;
  return (
    <List
      loading={chain.isPending}
      dataSource={codes}
      renderItem={(code) => {
        const node = byCode.get(code);
        return (
          <List.Item>
            {node && <Tag color="red">{segmentLabel(node.segment, locale)}</Tag>}
            {node ? trail(node).join(' / ') : code}
          </List.Item>
        );
      }}
      data-testid="chain-list"
    />
  );
}
