import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../components/format';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiKeyMutations, useApiKeys, type ApiKey } from './api-keys-api';
import { IssueApiKeyModal } from './IssueApiKeyModal';

/** Open311 API keys of the tenant: who may raise needs from outside, and whether they still do. */
export function ApiKeysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const keys = useApiKeys();
  const { revoke } = useApiKeyMutations();
  const [issuing, setIssuing] = useState(false);
  const discoveryUrl = `${window.location.origin}/open311/v2/discovery.json`;

  const columns: TableColumnsType<ApiKey> = [
    { title: t('apiKeys.name'), dataIndex: 'name' },
    {
      title: t('apiKeys.prefix'),
      dataIndex: 'keyPrefix',
      width: 140,
      render: (prefix: string) => <Typography.Text code>{`${prefix}…`}</Typography.Text>,
    },
    { title: t('apiKeys.createdBy'), key: 'createdBy', width: 140, render: (_, k) => k.createdBy?.name ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
    {
      title: t('apiKeys.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 160,
      render: (at: string | null) => (at ? formatDateTime(at) : t('apiKeys.neverUsed')),
    },
    {
      title: t('apiKeys.status'),
      key: 'status',
      width: 200,
      render: (_, k) =>
        k.revokedAt ? (
          <Tag color="default">{t('apiKeys.revokedAt', { at: formatDateTime(k.revokedAt) })}</Tag>
        ) : (
          <Tag color="green">{t('apiKeys.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: k.name })}
            description={t('apiKeys.revokeHint')}
            okText={t('apiKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutateAsync(k.id).then(
                () => void message.success(t('apiKeys.revoked')),
                (error: unknown) => showProblem(error),
              )
            }
          >
            <Button type="link" size="small" danger>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('nav.apiKeys')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
          {t('apiKeys.issue')}
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          <>
            {t('apiKeys.intro')} <Typography.Text copyable>{discoveryUrl}</Typography.Text>
          </>
        }
      />
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        loading={keys.isPending}
        dataSource={keys.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('apiKeys.none') }}
      />
      <IssueApiKeyModal open={issuing} onClose={() => setIssuing(false)} />
    </Card>
  );
}
