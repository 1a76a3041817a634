import { DICTIONARIES, DICTIONARY_NAMES, label } from '@kaimen/shared';
import { Button, Card, Table, Tabs, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { NeedCategory } from '../../../api/types';
import { departmentName } from '../../../i18n/labels';
import { useI18n } from '../../../i18n/use-i18n';
import { useDepartments } from '../departments/departments-api';
import { useDictionaries } from './dictionaries-api';
import { BiotechParksList, ChainTemplateTable } from './ChainDictionaries';
import { NeedCategoryModal } from './NeedCategoryModal';

interface Entry {
  code: string;
  zh: string;
  en?: string;
}

function StaticDictionary({ entries }: { entries: readonly Entry[] }) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<Entry> = [
    { title: t('dict.code'), dataIndex: 'code', width: 200 },
    { title: t('dict.labelZh'), dataIndex: 'zh' },
    { title: t('dict.labelEn'), dataIndex: 'en', render: (_, entry) => entry.en ?? '—' },
    { title: t('dict.labelCurrent'), key: 'current', render: (_, entry) => label(entry, locale) },
  ];
  return <Table<Entry> rowKey="code" size="small" dataSource={[...entries]} columns={columns} pagination={false} />;
}

function NeedCategories() {
  const { t, locale } = useI18n();
  const dictionaries = useDictionaries();
  const departments = useDepartments();
  const [editing, setEditing] = useState<NeedCategory | null>(null);
  const deptByCode = new Map((departments.data ?? []).map((d) => [d.code, d]));
  const columns: TableColumnsType<NeedCategory> = [
    { title: t('dict.code'), dataIndex: 'code', width: 160 },
    { title: t('dict.labelZh'), dataIndex: 'nameZh' },
    { title: t('dict.labelEn'), dataIndex: 'nameEn' },
    { title: t('dict.slaDays'), dataIndex: 'slaWorkingDays', width: 140 },
    {
      title: t('dict.defaultDepartment'),
      dataIndex: 'defaultDepartmentCode',
      render: (_, c) => {
        const dept = deptByCode.get(c.defaultDepartmentCode);
        return dept ? departmentName(dept, locale) : c.defaultDepartmentCode;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setEditing(c)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<NeedCategory>
        rowKey="id"
        size="small"
        loading={dictionaries.isPending}
        dataSource={dictionaries.data?.needCategories ?? []}
        columns={columns}
        pagination={false}
      />
      <NeedCategoryModal category={editing} onClose={() => setEditing(null)} />
    </>
  );
}

export function DictionariesPage() {
  const { t, tx } = useI18n();
  const items = [
    { key: 'needCategories', label: t('dict.needCategoriesEditable'), children: <NeedCategories /> },
    ...DICTIONARY_NAMES.map((name) => ({
      key: `static:${name}`,
      label: tx(`dict.name.${name}`, name),
      children: <StaticDictionary entries={DICTIONARIES[name]} />,
    })),
    { key: 'chain', label: t('dict.name.chainTemplate'), children: <ChainTemplateTable /> },
    { key: 'parks', label: t('dict.name.biotechParks'), children: <BiotechParksList /> },
  ];
  return (
    <Card title={t('nav.dictionaries')}>
      <Tabs tabPosition="left" items={items} />
    </Card>
  );
}
