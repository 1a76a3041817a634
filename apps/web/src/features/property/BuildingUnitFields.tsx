import { Col, Form, Row, Select } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { useBuildings, useBuildingUnits } from './property-api';
import { formatArea, unitStatusLabel } from './property-format';

/**
 * A building, then one or several of its units (under `name`); `vacantOnly` offers only the units vacant today, as a
 * graduation's own units must be (the server still refuses an overlapping lease).
 */
export function BuildingUnitFields({
  open,
  name,
  label,
  multiple = false,
  vacantOnly = false,
  required = false,
  testId,
}: {
  open: boolean;
  name: string;
  label: string;
  multiple?: boolean;
  vacantOnly?: boolean;
  required?: boolean;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const buildings = useBuildings();
  const buildingId = Form.useWatch('buildingId', form) as string | undefined;
  const units = useBuildingUnits(open ? buildingId : undefined);
  const rules = required ? [{ required: true, message: t('common.required') }] : [];
  const options = (units.data ?? [])
    .filter((u) => !vacantOnly || u.status === 'vacant')
    .map((u) => ({
      value: String(u.id),
      label: `${u.code} · ${formatArea(u.area)} · ${unitStatusLabel(u.status, locale)}`,
    }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Form.Item name="buildingId" label={t('incubator.building')} rules={rules}>
          <Select
            allowClear={!required}
            showSearch={{ optionFilterProp: 'label' }}
            loading={buildings.isPending}
            options={(buildings.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
            onChange={() => form.setFieldValue(name, multiple ? [] : undefined)}
            data-testid={`${testId}-building`}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item name={name} label={label} rules={rules}>
          <Select
            {...(multiple ? { mode: 'multiple' as const } : { allowClear: true })}
            disabled={!buildingId}
            loading={units.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            data-testid={testId}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
