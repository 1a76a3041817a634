import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface UrlFilters<K extends string> {
  values: Partial<Record<K, string>>;
  page: number;
  pageSize: number;
  /** Changes filters (an empty value removes one) and goes back to page 1. */
  setFilters: (patch: Partial<Record<K, string | undefined>>) => void;
  setPage: (page: number, pageSize: number) => void;
}

/**
 * List filters and paging kept in the URL, so a filtered list is a link one can
 * share. Pass `keys` as a module-level constant.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], defaultPageSize = 20): UrlFilters<K> {
  const [params, setParams] = useSearchParams();

  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [keys, params]);

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | undefined>>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch) as [string, string | undefined][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(nextPage));
        next.set('pageSize', String(nextSize));
        return next;
      });
    },
    [setParams],
  );

  return { values, page, pageSize, setFilters, setPage };
}

/**
 * The props that page a Table through the URL filters: current page and size, the total, the size changer and
 * "共 N 条". Spread them on the Table: `<Table {...urlTablePaging(filters, total, t)} />`.
 */
export function urlTablePaging<K extends string>(
  filters: UrlFilters<K>,
  total: number,
  t: (key: 'common.total', params: { total: number }) => string,
) {
  return {
    onChange: (pagination: { current?: number; pageSize?: number }) =>
      filters.setPage(pagination.current ?? 1, pagination.pageSize ?? filters.pageSize),
    pagination: {
      current: filters.page,
      pageSize: filters.pageSize,
      total,
      showSizeChanger: true,
      showTotal: (n: number) => t('common.total', { total: n }),
    },
  };
}
