import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import type { CursorPages } from './use-cursor-pages';

export const PAGE_SIZES = [20, 50, 100] as const;

interface Props {
  pages: CursorPages;
  nextCursor: string | null | undefined;
  total: number | undefined;
  totalCapped: boolean | undefined;
  pageSize: number;
  onPageSize: (size: number) => void;
  loading: boolean;
}

/** Previous / Next over the server's keyset cursors, the total (or "10,000+") and the page size. */
export function CursorPager({ pages, nextCursor, total, totalCapped, pageSize, onPageSize, loading }: Props) {
  const { t, locale } = useI18n();
  const count = (total ?? 0).toLocaleString(locale);
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
      <Typography.Text data-testid="enterprise-total">
        {totalCapped ? t('common.totalCapped', { total: count }) : t('common.total', { total: count })}
      </Typography.Text>
      <Space>
        <Button
          icon={<LeftOutlined />}
          disabled={pages.pageNo === 1 || loading}
          onClick={pages.previous}
          data-testid="page-previous"
        >
          {t('enterprise.previousPage')}
        </Button>
        <Typography.Text data-testid="page-number">{t('enterprise.pageNo', { page: pages.pageNo })}</Typography.Text>
        <Button
          disabled={!nextCursor || loading}
          onClick={() => nextCursor && pages.next(nextCursor)}
          data-testid="page-next"
        >
          {t('enterprise.nextPage')} <RightOutlined />
        </Button>
        <Select
          value={pageSize}
          onChange={onPageSize}
          options={PAGE_SIZES.map((size) => ({ value: size, label: t('enterprise.pageSize', { size }) }))}
          style={{ width: 110 }}
          aria-label={t('enterprise.pageSizeLabel')}
          data-testid="page-size"
        />
      </Space>
    </Flex>
  );
}
