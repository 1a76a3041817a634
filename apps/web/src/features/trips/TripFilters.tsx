import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { UrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useMemberOptions, type TripFilterKey } from './trips-api';

const CLEARED = { q: '', from: '', to: '', member: '' };

/** Search, a date range (trips overlapping it) and a member; every one is kept in the URL. */
export function TripFilters({ filters }: { filters: UrlFilters<TripFilterKey> }) {
  const { t } = useI18n();
  const members = useMemberOptions();
  const { values, setFilters } = filters;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        // A new URL value (a reset, a shared link) re-creates the box with it.
        key={values.q ?? ''}
        allowClear
        enterButton={t('common.search')}
        defaultValue={values.q}
        placeholder={t('trips.searchPlaceholder')}
        aria-label={t('trips.searchPlaceholder')}
        onSearch={(q) => setFilters({ q: q.trim() })}
        style={{ width: 320 }}
        data-testid="trip-search"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('trips.filterFrom'), t('trips.filterTo')]}
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        onChange={(range) =>
          setFilters({ from: range?.[0]?.format('YYYY-MM-DD') ?? '', to: range?.[1]?.format('YYYY-MM-DD') ?? '' })
        }
        data-testid="trip-filter-dates"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('trips.filterMember')}
        value={values.member}
        onChange={(member?: string) => setFilters({ member })}
        loading={members.isPending}
        options={(members.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
        style={{ width: 180 }}
        data-testid="trip-filter-member"
      />
      <Button onClick={() => setFilters(CLEARED)}>{t('common.reset')}</Button>
    </Space>
  );
}
