import { BIOTECH_PARKS, CHAIN_TEMPLATE, label, type ChainNode } from '@kaimen/shared';
import { List, Table, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../../i18n/use-i18n';

interface Row {
  code: string;
  zh: string;
  en: string;
  industryCodes?: readonly string[];
  children?: Row[];
}

const toRow = (node: ChainNode): Row => ({
  code: node.code,
  zh: node.zh,
  en: node.en,
  industryCodes: node.industryCodes,
  children: node.children?.map(toRow),
});

const ROWS: Row[] = CHAIN_TEMPLATE.segments.map((segment) => ({
  code: segment.code,
  zh: segment.zh,
  en: segment.en,
  children: segment.nodes.map(toRow),
}));

/** The default industry chain (segments → nodes → sub-nodes) with the industry codes that place companies. */
export function ChainTemplateTable() {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<Row> = [
    { title: t('dict.code'), dataIndex: 'code', width: 220 },
    { title: t('dict.labelZh'), dataIndex: 'zh' },
    { title: t('dict.labelEn'), dataIndex: 'en' },
    { title: t('dict.industryCodes'), key: 'ic', render: (_, row) => row.industryCodes?.join(', ') ?? '' },
  ];
  return (
    <>
      <Typography.Title level={5}>{label(CHAIN_TEMPLATE, locale)}</Typography.Title>
      <Table<Row>
        rowKey="code"
        size="small"
        dataSource={ROWS}
        columns={columns}
        pagination={false}
        defaultExpandAllRows
      />
    </>
  );
}

export function BiotechParksList() {
  return (
    <List size="small" bordered dataSource={[...BIOTECH_PARKS]} renderItem={(name) => <List.Item>{name}</List.Item>} />
  );
}
