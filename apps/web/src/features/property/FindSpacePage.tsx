import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, DatePicker, Form, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { requirementOptions } from '../leads/lead-format';
import { PROPERTY_KEY } from './property-api';
import { unitTypeOptions } from './property-format';
import type { SpaceMatchResult } from './property-types';
import { LandMatchList, UnitMatchList } from './SpaceMatches';

const NEED_KEYS = ['type', 'area', 'tolerance', 'requirements', 'availableOn'] as const;

interface NeedValues {
  type?: string;
  area?: number;
  /** Percent. */
  tolerance?: number;
  requirements?: string[];
  availableOn?: Dayjs;
}

/**
 * 找载体: a company's or a caller's space need — type, m², the biotech requirements, from when — answered with the units
 * that fit, best first with why, and the land it could build on. The need is in the URL, so an answer is a link.
 */
export function FindSpacePage() {
  const { t, locale } = useI18n();
  const filters = useUrlFilters(NEED_KEYS);
  const need = filters.values;
  const [form] = Form.useForm<NeedValues>();
  const matches = useQuery({
    queryKey: [...PROPERTY_KEY, 'find-space', need],
    queryFn: () =>
      api.get<SpaceMatchResult>('/api/units/matches', {
        ...need,
        ...(need.tolerance ? { tolerance: String(Number(need.tolerance) / 100) } : {}),
      }),
    enabled: Boolean(need.area),
  });

  const onFinish = (v: NeedValues) =>
    filters.setFilters({
      type: v.type,
      area: v.area ? String(v.area) : undefined,
      tolerance: v.tolerance != null ? String(v.tolerance) : undefined,
      requirements: v.requirements?.length ? v.requirements.join(',') : undefined,
      availableOn: v.availableOn ? v.availableOn.format('YYYY-MM-DD') : undefined,
    });

  return (
    <Card title={t('property.find.title')}>
      <Form
        form={form}
        name="find_space"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          type: need.type,
          area: need.area ? Number(need.area) : undefined,
          tolerance: need.tolerance ? Number(need.tolerance) : 20,
          requirements: need.requirements ? need.requirements.split(',') : [],
          availableOn: need.availableOn ? dayjs(need.availableOn) : undefined,
        }}
        data-testid="find-space-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="type" label={t('property.type')}>
              <Select allowClear options={unitTypeOptions(locale)} placeholder={t('property.find.anyType')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="area"
              label={t('property.area')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={1} style={{ width: '100%' }} data-testid="find-space-area" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="tolerance" label={t('property.find.tolerance')}>
              <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="availableOn" label={t('property.find.availableOn')}>
              <DatePicker style={{ width: '100%' }} placeholder={t('property.find.today')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="requirements" label={t('property.find.requirements')}>
          <Checkbox.Group options={requirementOptions(locale)} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="find-space-submit">
            {t('property.find.submit')}
          </Button>
        </Space>
      </Form>
      {need.area && (
        <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 24 }}>
          <UnitMatchList
            matches={matches.data?.items ?? []}
            total={matches.data?.total ?? 0}
            loading={matches.isPending}
          />
          <LandMatchList matches={matches.data?.parcels.items ?? []} total={matches.data?.parcels.total ?? 0} />
        </Space>
      )}
    </Card>
  );
}
