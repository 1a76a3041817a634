import { Alert, App, Badge, Button, Calendar, Card, Col, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { countMarks, isWorkingDay, type HolidayMark } from './holiday-calendar';
import { useHolidayMutations, useHolidays } from './holidays-api';
import { HolidayModal } from './HolidayModal';

const YEARS_AROUND = 2;

/** 节假日: the office calendar that need deadlines count working days in; the admin marks holidays and 调休 days. */
export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [value, setValue] = useState<Dayjs>(() => dayjs());
  const [picked, setPicked] = useState<string | null>(null);
  const year = value.year();
  const holidays = useHolidays(year);
  const { remove } = useHolidayMutations();
  const marks = holidays.data ?? [];
  const byDate = new Map(marks.map((m) => [m.date, m]));
  const counts = countMarks(marks);
  const thisYear = dayjs().year();
  const years = Array.from({ length: YEARS_AROUND * 2 + 1 }, (_, i) => thisYear - YEARS_AROUND + i);

  const kindTag = (mark: HolidayMark) =>
    mark.kind === 'holiday' ? (
      <Tag color="red">{t('calendar.holiday')}</Tag>
    ) : (
      <Tag color="blue">{t('calendar.workday')}</Tag>
    );

  const dateCell = (day: Dayjs) => {
    const key = day.format('YYYY-MM-DD');
    const mark = byDate.get(key);
    if (!mark) return null;
    return (
      <div data-testid={`holiday-${key}`}>
        <Badge
          status={isWorkingDay(key, byDate) ? 'processing' : 'error'}
          text={mark.name || (mark.kind === 'holiday' ? t('calendar.holiday') : t('calendar.workday'))}
        />
      </div>
    );
  };

  const columns: TableColumnsType<HolidayMark> = [
    { key: 'date', title: t('calendar.date'), dataIndex: 'date', width: 120 },
    { key: 'weekday', title: t('calendar.weekday'), width: 90, render: (_, m) => dayjs(m.date).format('dddd') },
    { key: 'kind', title: t('calendar.kind'), width: 110, render: (_, m) => kindTag(m) },
    { key: 'name', title: t('calendar.name'), render: (_, m) => m.name ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, m) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setPicked(m.date)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('calendar.removeConfirm', { date: m.date })}
            okText={t('calendar.unmark')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutateAsync(m.date).then(
                () => void message.success(t('calendar.removed')),
                (error: unknown) => showProblem(error),
              )
            }
          >
            <Button type="link" size="small" danger>
              {t('calendar.unmark')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('nav.calendar')}
        extra={
          <Space>
            <span>{t('calendar.year')}</span>
            <Select
              value={year}
              onChange={(y: number) => setValue(value.year(y))}
              options={years.map((y) => ({ value: y, label: t('calendar.yearLabel', { year: y }) }))}
              style={{ width: 120 }}
              data-testid="calendar-year"
            />
          </Space>
        }
      >
        <Alert type="info" showIcon title={t('calendar.explain')} style={{ marginBottom: 16 }} />
        <Row gutter={[24, 16]}>
          <Col xs={24} xxl={14}>
            <Calendar
              value={value}
              onPanelChange={(d) => setValue(d)}
              onSelect={(d, { source }) => {
                setValue(d);
                if (source === 'date') setPicked(d.format('YYYY-MM-DD'));
              }}
              cellRender={(day, info) => (info.type === 'date' ? dateCell(day) : info.originNode)}
              data-testid="holiday-calendar"
            />
          </Col>
          <Col xs={24} xxl={10}>
            <Card
              size="small"
              title={t('calendar.marks', { year })}
              extra={t('calendar.counts', { holidays: counts.holidays, workdays: counts.workdays })}
            >
              <Table<HolidayMark>
                rowKey="date"
                size="small"
                loading={holidays.isPending}
                dataSource={marks}
                columns={columns}
                pagination={false}
                locale={{ emptyText: t('calendar.empty') }}
                data-testid="holiday-marks"
              />
            </Card>
          </Col>
        </Row>
      </Card>
      <HolidayModal date={picked} mark={picked ? byDate.get(picked) : undefined} onClose={() => setPicked(null)} />
    </Space>
  );
}
