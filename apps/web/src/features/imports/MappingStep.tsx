import { Alert, Button, Form, Radio, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useImportI18n } from './use-import-i18n';
import type { ImportJob, ImportOptions } from './import-types';

interface Props {
  job: ImportJob;
  busy: boolean;
  onCheck: (options: ImportOptions) => void;
}

interface ColumnRow {
  index: number;
  header: string;
  samples: string[];
}

/**
 * 对应列: which field each column of the file fills (recognised ones are preset), which row is the header when none was
 * recognised, and what to do with companies that are already registered. Submitting starts the dry run.
 */
export function MappingStep({ job, busy, onCheck }: Props) {
  const { t } = useImportI18n(job.kind);
  const header = job.header;
  const [headerRow, setHeaderRow] = useState<number | null>(
    job.options.headerRowNumber ?? header?.headerRowNumber ?? null,
  );
  const [mapping, setMapping] = useState<Record<number, string | null>>(() => {
    const out: Record<number, string | null> = {};
    for (const [i, f] of Object.entries(header?.mapping ?? {})) out[Number(i)] = f;
    return out;
  });
  const [existing, setExisting] = useState<'skip' | 'update'>(job.options.existing ?? 'skip');

  // Without a recognised header the preview holds the first rows of the file: the chosen one names the columns.
  const recognised = header?.headerRowNumber !== null && header?.headerRowNumber !== undefined;
  const headers = useMemo(() => {
    if (recognised && headerRow === header?.headerRowNumber) return header?.headers ?? [];
    return header?.preview.find((r) => r.rowNumber === headerRow)?.cells ?? [];
  }, [recognised, headerRow, header]);
  const sampleRows = (header?.preview ?? []).filter((r) => headerRow === null || r.rowNumber > headerRow).slice(0, 2);
  const columns: ColumnRow[] = headers
    .map((h, index) => ({ index, header: h, samples: sampleRows.map((r) => r.cells[index] ?? '') }))
    .filter((c) => c.header !== '' || c.samples.some((s) => s !== ''));

  const fieldOptions = [
    { value: '', label: t('import.ignore') },
    ...job.fields.map((f) => ({ value: f.field, label: f.label })),
  ];

  const table: TableColumnsType<ColumnRow> = [
    { title: t('import.column'), dataIndex: 'header', width: 220, render: (h: string, c) => h || `#${c.index + 1}` },
    {
      title: t('import.sample'),
      render: (_, c) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
          {c.samples.filter(Boolean).join(' / ') || '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('import.field'),
      width: 260,
      render: (_, c) => (
        <Select
          style={{ width: 240 }}
          aria-label={`${t('import.field')} ${c.header || c.index + 1}`}
          value={mapping[c.index] ?? ''}
          options={fieldOptions}
          showSearch
          optionFilterProp="label"
          onChange={(v: string) => setMapping((m) => ({ ...m, [c.index]: v || null }))}
        />
      ),
    },
  ];

  const submit = () => {
    const explicit: Record<string, string | null> = {};
    for (const c of columns) explicit[String(c.index)] = mapping[c.index] ?? null;
    onCheck({ ...(headerRow !== null ? { headerRowNumber: headerRow } : {}), mapping: explicit, existing });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {recognised && headerRow === header?.headerRowNumber ? (
        <Alert type="success" showIcon message={t('import.headerFound', { row: headerRow ?? 0 })} />
      ) : (
        !recognised && <Alert type="warning" showIcon message={t('import.headerNotFound')} />
      )}
      {!recognised && (
        <Table
          size="small"
          rowKey="rowNumber"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={header?.preview ?? []}
          title={() => t('import.preview')}
          columns={[
            { title: t('import.rowNumber'), dataIndex: 'rowNumber', width: 70 },
            {
              title: '',
              render: (_, r) => r.cells.filter(Boolean).join(' | '),
            },
            {
              title: t('import.headerRow'),
              width: 120,
              render: (_, r) => (
                <Radio checked={headerRow === r.rowNumber} onChange={() => setHeaderRow(r.rowNumber)}>
                  {t('import.useAsHeader')}
                </Radio>
              ),
            },
          ]}
        />
      )}
      {columns.length > 0 && (
        <Table<ColumnRow> size="small" rowKey="index" pagination={false} dataSource={columns} columns={table} />
      )}
      <Form layout="vertical">
        <Form.Item label={t('import.existing')}>
          <Radio.Group value={existing} onChange={(e) => setExisting(e.target.value as 'skip' | 'update')}>
            <Space direction="vertical">
              <Radio value="skip">{t('import.existingSkip')}</Radio>
              <Radio value="update">{t('import.existingUpdate')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
      </Form>
      <Button type="primary" size="large" loading={busy} disabled={headerRow === null} onClick={submit}>
        {t('import.startCheck')}
      </Button>
    </Space>
  );
}
