import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { NEED_LIMITS } from '@kaimen/shared';
import { Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { departmentName } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { categoryName, urgencyOptions } from './visit-format';
import type { useNeedRouting } from './use-need-routing';

type Routing = ReturnType<typeof useNeedRouting>;

function NeedRow({
  name,
  index,
  routing,
  onRemove,
}: {
  name: number;
  index: number;
  routing: Routing;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const code = Form.useWatch<string | undefined>(['needs', name, 'categoryCode'], form);
  const category = routing.category(code);
  const fallback = routing.defaultDepartment(category);
  const required = { required: true, message: t('common.required') };
  const departments = routing.departmentOptions(locale);
  return (
    <Card
      size="small"
      title={t('visits.needN', { n: index + 1 })}
      extra={
        <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
          {t('visits.needRemove')}
        </Button>
      }
      style={{ marginBottom: 12 }}
      data-testid={`visit-need-${index}`}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'categoryCode']}
            label={t('visits.need.category')}
            rules={[required]}
            extra={
              category && (
                <span data-testid={`visit-need-${index}-routing`}>
                  {t('visits.need.routing', {
                    department: fallback ? departmentName(fallback, locale) : category.defaultDepartmentCode,
                    days: category.slaWorkingDays,
                  })}
                </span>
              )
            }
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={routing.loading}
              options={routing.categories.map((c) => ({
                value: c.code,
                label: categoryName(c.code, routing.categories, locale),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'urgency']} label={t('visits.need.urgency')}>
            <Radio.Group optionType="button" options={urgencyOptions(locale)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={[name, 'title']} label={t('visits.need.title')} rules={[required]}>
            <Input maxLength={NEED_LIMITS.title} showCount autoComplete="off" />
          </Form.Item>
          <Form.Item name={[name, 'description']} label={t('visits.need.description')} rules={[required]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={NEED_LIMITS.description} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'leadDepartmentId']}
            label={t('visits.need.leadDepartment')}
            extra={t('visits.need.leadDepartmentHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={
                fallback ? t('visits.need.leadDefault', { name: departmentName(fallback, locale) }) : undefined
              }
              options={departments}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'supportingDepartmentIds']} label={t('visits.need.supporting')}>
            <Select
              mode="multiple"
              allowClear
              maxCount={NEED_LIMITS.supportingDepartments}
              showSearch={{ optionFilterProp: 'label' }}
              options={departments}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 企业诉求: rows of needs submitted with the visit, each routed by its category to a lead department. */
export function VisitNeedsFields({ routing }: { routing: Routing }) {
  const { t } = useI18n();
  return (
    <Form.List name="needs">
      {(fields, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary">{t('visits.needsHint')}</Typography.Paragraph>
          {fields.map((field, index) => (
            <NeedRow
              key={field.key}
              name={field.name}
              index={index}
              routing={routing}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={fields.length >= NEED_LIMITS.needsPerVisit}
            onClick={() => add({ urgency: 'normal' })}
            data-testid="visit-need-add"
          >
            {fields.length >= NEED_LIMITS.needsPerVisit
              ? t('visits.needsMax', { max: NEED_LIMITS.needsPerVisit })
              : t('visits.needAdd')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
