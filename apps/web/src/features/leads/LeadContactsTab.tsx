import { Alert, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import type { LeadContact, LeadDetail } from './lead-types';

/** 联系人: the company's people; phones and e-mails masked for roles that may not see them. */
export function LeadContactsTab({ lead }: { lead: LeadDetail }) {
  const { t } = useI18n();
  const columns: TableColumnsType<LeadContact> = [
    { title: t('contact.name'), dataIndex: 'name' },
    { title: t('contact.title'), render: (_, c) => c.title ?? '—' },
    { title: t('contact.mobile'), render: (_, c) => c.mobile ?? '—' },
    { title: t('contact.email'), render: (_, c) => c.email ?? '—' },
  ];
  return (
    <>
      {lead.personalDataMasked && (
        <Alert type="info" showIcon title={t('enterprise.maskedHint')} style={{ marginBottom: 12 }} />
      )}
      <Table<LeadContact>
        rowKey={(c) => String(c.id)}
        size="small"
        pagination={false}
        dataSource={lead.contacts}
        columns={columns}
        locale={{ emptyText: t('leads.contacts.empty') }}
        data-testid="lead-contacts"
      />
    </>
  );
}
