import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Alert, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import type { EnterpriseContact, EnterpriseDetail } from './enterprise-types';

/** The small "masked" tag shown beside the tab name and above the contacts. */
export function MaskedTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('enterprise.maskedHint')}>
      <Tag icon={<EyeInvisibleOutlined />} color="default" data-testid="masked-hint">
        {t('enterprise.masked')}
      </Tag>
    </Tooltip>
  );
}

export function ContactsTab({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n();
  const columns: TableColumnsType<EnterpriseContact> = [
    {
      title: t('contact.name'),
      dataIndex: 'name',
      render: (_, c) => (
        <>
          {c.name}
          {c.isPrimary && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('contact.primary')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('contact.title'), dataIndex: 'title', render: (_, c) => c.title ?? '—' },
    { title: t('contact.mobile'), dataIndex: 'mobile', render: (_, c) => c.mobile ?? '—' },
    { title: t('contact.email'), dataIndex: 'email', render: (_, c) => c.email ?? '—' },
  ];
  return (
    <>
      {enterprise.personalDataMasked && (
        <Alert type="info" showIcon title={t('enterprise.maskedHint')} style={{ marginBottom: 12 }} />
      )}
      <Table<EnterpriseContact>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={enterprise.contacts}
        columns={columns}
        data-testid="contacts-table"
      />
    </>
  );
}
