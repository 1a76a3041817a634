import { App, Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { isApiError } from '../../api/client';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useChainNodeMutations, type ChainNodeRecord } from './chain-api';
import { chainNodeName } from './chain-tree';

interface Props {
  node: ChainNodeRecord;
  onAddChild: () => void;
  onEdit: () => void;
}

/** One row of the chain tree: the node's names and codes, and its actions. */
export function ChainNodeTitle({ node, onAddChild, onEdit }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const { remove } = useChainNodeMutations();
  const name = chainNodeName(node, locale);

  // The server refuses with 409 and says why (children, or companies on the node) in its field errors.
  const onDeleteError = (error: unknown) => {
    const reasons = isApiError(error, 'conflict') ? (error.problem.errors ?? []).map((e) => e.message) : [];
    if (reasons.length > 0) void message.error(reasons.join(' '));
    else showProblem(error);
  };

  return (
    <Flex justify="space-between" align="center" gap={8} data-testid={`chain-node-${node.code}`}>
      <Space size={8} wrap>
        <Typography.Text strong>{name}</Typography.Text>
        <Typography.Text type="secondary">{node.code}</Typography.Text>
        {node.industryCodes.map((code) => (
          <Tag key={code}>{code}</Tag>
        ))}
      </Space>
      <Space size={0} onClick={(event) => event.stopPropagation()}>
        <Button type="link" size="small" onClick={onAddChild}>
          {t('chain.addChild')}
        </Button>
        <Button type="link" size="small" onClick={onEdit}>
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={t('chain.deleteConfirm', { name })}
          description={t('chain.deleteHint')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove.mutateAsync(node.id).then(() => void message.success(t('common.deleted')), onDeleteError)
          }
        >
          <Button type="link" size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    </Flex>
  );
}
