import { Button, Checkbox, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { UrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { kindOptions } from './visit-format';
import type { VisitFilterKey } from './visits-api';

const CLEARED = { q: '', kind: '', from: '', to: '', mine: '' };

/** Search, kind, a date range and "visits I went on"; every one is kept in the URL. */
export function VisitFilters({ filters }: { filters: UrlFilters<VisitFilterKey> }) {
  const { t, locale } = useI18n();
  const { values, setFilters } = filters;
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="visit-filters">
      <Input.Search
        // A new URL value (a reset, a shared link) re-creates the box with it.
        key={values.q ?? ''}
        allowClear
        enterButton={t('common.search')}
        defaultValue={values.q}
        placeholder={t('visits.searchPlaceholder')}
        aria-label={t('visits.searchPlaceholder')}
        onSearch={(q) => setFilters({ q: q.trim() })}
        style={{ width: 320 }}
        data-testid="visit-search"
      />
      <Select
        allowClear
        placeholder={t('visits.kind')}
        aria-label={t('visits.kind')}
        value={values.kind}
        onChange={(kind?: string) => setFilters({ kind })}
        options={kindOptions(locale)}
        style={{ width: 140 }}
        data-testid="visit-filter-kind"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('visits.filterFrom'), t('visits.filterTo')]}
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        onChange={(range) =>
          setFilters({ from: range?.[0]?.format('YYYY-MM-DD') ?? '', to: range?.[1]?.format('YYYY-MM-DD') ?? '' })
        }
        data-testid="visit-filter-dates"
      />
      <Checkbox
        checked={values.mine === '1'}
        onChange={(e) => setFilters({ mine: e.target.checked ? '1' : '' })}
        data-testid="visit-filter-mine"
      >
        {t('visits.mine')}
      </Checkbox>
      <Button onClick={() => setFilters(CLEARED)}>{t('common.reset')}</Button>
    </Space>
  );
}
