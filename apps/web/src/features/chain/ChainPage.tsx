import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Spin, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { CHAIN_SEGMENTS, useChainNodes, type ChainNodeRecord, type ChainSegment } from './chain-api';
import { ChainNodeFormModal, type ChainFormTarget } from './ChainNodeFormModal';
import { ChainNodeTitle } from './ChainNodeTitle';
import { nestChain, segmentLabel, type ChainTreeNode } from './chain-tree';

interface NodeData extends TreeDataNode {
  record: ChainNodeRecord;
  children: NodeData[];
}

const toData = (item: ChainTreeNode): NodeData => ({
  key: String(item.node.id),
  record: item.node,
  children: item.children.map(toData),
});

/** 产业链 (admin): the office's chain by segment, with add-child, edit and delete on every node. */
export function ChainPage() {
  const { t, locale } = useI18n();
  const nodes = useChainNodes();
  const [target, setTarget] = useState<ChainFormTarget | null>(null);
  // Everything starts expanded, so a child just added is in view; the admin may fold nodes away.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());

  const all = nodes.data ?? [];
  const trees = useMemo(() => {
    const nested = nestChain(nodes.data ?? []);
    return Object.fromEntries(CHAIN_SEGMENTS.map((s) => [s, nested[s].map(toData)])) as Record<
      ChainSegment,
      NodeData[]
    >;
  }, [nodes.data]);
  const expanded = all.map((n) => String(n.id)).filter((id) => !collapsed.has(id));

  const onExpand = (keys: Key[]) => {
    const open = new Set(keys.map(String));
    setCollapsed(new Set(all.map((n) => String(n.id)).filter((id) => !open.has(id))));
  };

  return (
    <Card title={t('nav.chain')}>
      <Typography.Paragraph type="secondary">{t('chain.hint')}</Typography.Paragraph>
      {nodes.isPending ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : (
        CHAIN_SEGMENTS.map((segment) => (
          <section key={segment} style={{ marginBottom: 24 }} data-testid={`chain-segment-${segment}`}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {segmentLabel(segment, locale)}
              </Typography.Title>
              <Button size="small" icon={<PlusOutlined />} onClick={() => setTarget({ segment })}>
                {t('chain.addRoot')}
              </Button>
            </Flex>
            {trees[segment].length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Tree<NodeData>
                blockNode
                selectable={false}
                treeData={trees[segment]}
                expandedKeys={expanded}
                onExpand={onExpand}
                titleRender={(data) => (
                  <ChainNodeTitle
                    node={data.record}
                    onAddChild={() => setTarget({ segment: data.record.segment, parent: data.record })}
                    onEdit={() => setTarget({ node: data.record })}
                  />
                )}
              />
            )}
          </section>
        ))
      )}
      <ChainNodeFormModal target={target} nodes={all} onClose={() => setTarget(null)} />
    </Card>
  );
}
