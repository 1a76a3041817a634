import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { canSee, leadPath, PATHS } from '../../app/access';
import { ColumnChooser } from '../../components/ColumnChooser';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useColumnChoice } from '../enterprises/use-column-choice';
import { useUser } from '../auth/session';
import { DEFAULT_LEAD_COLUMNS, leadColumnTitle, OPTIONAL_LEAD_COLUMNS } from './lead-columns';
import { canWorkLeads } from './lead-format';
import { LeadBoard } from './LeadBoard';
import { LeadExportButton } from './LeadExportButton';
import { LeadFilters } from './LeadFilters';
import { LeadFormDrawer } from './LeadFormDrawer';
import { LeadTable } from './LeadTable';
import { apiFilters, LEAD_FILTER_KEYS } from './leads-api';
import { SavedFilters } from './SavedFilters';

type View = 'board' | 'table';

/** 项目看板: the pipeline as a board or a table (the choice, the filters and the sort in the URL). */
export function LeadsPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const filters = useUrlFilters(LEAD_FILTER_KEYS);
  const view: View = filters.values.view === 'table' ? 'table' : 'board';
  const [visible, setVisible] = useColumnChoice('kaimen.leads.columns', OPTIONAL_LEAD_COLUMNS, DEFAULT_LEAD_COLUMNS);
  const [creating, setCreating] = useState(false);
  const { q } = filters.values;

  return (
    <Card
      title={t('nav.leads')}
      extra={
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={(next) => filters.setFilters({ view: next === 'table' ? 'table' : '' })}
            options={[
              { value: 'board', label: t('leads.view.board'), icon: <AppstoreOutlined /> },
              { value: 'table', label: t('leads.view.table'), icon: <UnorderedListOutlined /> },
            ]}
            data-testid="lead-view"
          />
          <SavedFilters />
          {view === 'table' && (
            <ColumnChooser
              columns={OPTIONAL_LEAD_COLUMNS}
              title={(key) => leadColumnTitle(key, t)}
              label={t('leads.columns')}
              visible={visible}
              onChange={setVisible}
              testId="lead-column-chooser"
            />
          )}
          <LeadExportButton filters={filters.values} />
          {canSee('leadImport', user.role) && (
            <Button icon={<UploadOutlined />} onClick={() => void navigate(PATHS.leadImport)}>
              {t('import.button')}
            </Button>
          )}
          {canWorkLeads(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('leads.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Input.Search
        key={q ?? ''}
        allowClear
        enterButton={t('common.search')}
        defaultValue={q}
        placeholder={t('leads.searchPlaceholder')}
        aria-label={t('leads.searchPlaceholder')}
        onSearch={(value) => filters.setFilters({ q: value.trim() })}
        style={{ marginBottom: 16, maxWidth: 560 }}
        data-testid="lead-search"
      />
      <LeadFilters filters={filters} />
      {view === 'board' ? (
        <LeadBoard filters={apiFilters(filters.values)} />
      ) : (
        <LeadTable filters={filters} visible={visible} />
      )}
      <LeadFormDrawer
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => void navigate(leadPath(saved.id))}
      />
    </Card>
  );
}
