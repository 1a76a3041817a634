import { Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/use-i18n';
import { qualificationLabel } from './enterprise-format';
import type { QualificationDetail } from './enterprise-types';

export function QualificationsTab({ qualifications }: { qualifications: QualificationDetail[] }) {
  const { t, locale } = useI18n();
  const today = dayjs().format('YYYY-MM-DD');
  const columns: TableColumnsType<QualificationDetail> = [
    { title: t('qualification.code'), dataIndex: 'code', render: (_, q) => qualificationLabel(q.code, locale) },
    { title: t('qualification.obtainedOn'), dataIndex: 'obtainedOn', render: (_, q) => q.obtainedOn ?? '—' },
    {
      title: t('qualification.expiresOn'),
      dataIndex: 'expiresOn',
      render: (_, q) =>
        q.expiresOn === null ? (
          '—'
        ) : (
          <>
            {q.expiresOn}
            {q.expiresOn < today && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                {t('qualification.expired')}
              </Tag>
            )}
          </>
        ),
    },
    { title: t('qualification.certificateNo'), dataIndex: 'certificateNo', render: (_, q) => q.certificateNo ?? '—' },
  ];
  return (
    <Table<QualificationDetail>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={qualifications}
      columns={columns}
    />
  );
}
