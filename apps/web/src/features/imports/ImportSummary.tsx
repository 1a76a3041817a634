import { Col, Row, Statistic, Tooltip } from 'antd';
import { useImportI18n } from './use-import-i18n';
import type { ImportCounts } from './import-types';

/** The counts of a check or a run, the ones that need attention in colour. */
export function ImportSummary({ counts, ran, kind }: { counts: ImportCounts; ran: boolean; kind?: string }) {
  const { t } = useImportI18n(kind);
  const items = [
    { key: 'rows', title: t('import.summary.rows'), value: counts.rows - counts.blank },
    ran
      ? { key: 'created', title: t('import.summary.created'), value: counts.created, color: '#389e0d' }
      : { key: 'new', title: t('import.summary.new'), value: counts.new, color: '#389e0d' },
    ran && counts.updated > 0
      ? { key: 'updated', title: t('import.summary.updated'), value: counts.updated }
      : { key: 'existing', title: t('import.summary.existing'), value: counts.existing },
    {
      key: 'invalid',
      title: t('import.summary.invalid'),
      value: counts.invalid,
      color: counts.invalid ? '#cf1322' : undefined,
    },
    { key: 'blank', title: t('import.summary.blank'), value: counts.blank },
  ];
  // The file at a glance: which share of its rows goes in, is already there, is wrong, is blank.
  const parts = [
    {
      key: 'new',
      label: t(ran ? 'import.summary.created' : 'import.summary.new'),
      value: ran ? counts.created + counts.updated : counts.new,
      color: '#52c41a',
    },
    {
      key: 'existing',
      label: t('import.summary.existing'),
      value: ran ? counts.existing - counts.updated : counts.existing,
      color: '#1f4e79',
    },
    { key: 'invalid', label: t('import.summary.invalid'), value: counts.invalid, color: '#cf1322' },
    { key: 'blank', label: t('import.summary.blank'), value: counts.blank, color: '#d9d9d9' },
  ].filter((p) => p.value > 0);
  const total = parts.reduce((n, p) => n + p.value, 0);
  return (
    <div data-testid="import-summary">
      <Row gutter={24}>
        {items.map((i) => (
          <Col key={i.key}>
            <Statistic
              title={i.title}
              value={i.value}
              valueStyle={i.color ? { color: i.color } : undefined}
              data-testid={`import-count-${i.key}`}
            />
          </Col>
        ))}
      </Row>
      {total > 0 && (
        <div
          role="img"
          aria-label={parts.map((p) => `${p.label} ${p.value}`).join(', ')}
          style={{ display: 'flex', height: 14, borderRadius: 7, overflow: 'hidden', marginTop: 16, maxWidth: 720 }}
        >
          {parts.map((p) => (
            <Tooltip key={p.key} title={`${p.label}: ${p.value.toLocaleString()}`}>
              <div style={{ flex: p.value, background: p.color, minWidth: 4 }} />
            </Tooltip>
          ))}
        </div>
      )}
    </div>
  );
}
