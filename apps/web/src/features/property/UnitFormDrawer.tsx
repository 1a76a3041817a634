import { App, Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { usePropertyMutations } from './property-api';
import { manualStatusOptions, unitTypeOptions } from './property-format';
import type { Floor, Unit, UnitBody } from './property-types';
import { floorName } from './RentControlTable';

export type UnitFormTarget = { mode: 'new'; floor: Floor } | { mode: 'edit'; unit: Unit };

type UnitFormValues = Omit<UnitBody, 'floorId'>;

const FLAGS = [
  ['labWater', 'property.labWater'],
  ['exhaust', 'property.exhaust'],
  ['gmpReady', 'property.gmpReady'],
  ['envPermit', 'property.envPermit'],
] as const;

const toValues = (unit: Unit): UnitFormValues => ({
  code: unit.code,
  type: unit.type,
  area: unit.area,
  status: unit.setStatus,
  monthlyRentPerSqm: unit.monthlyRentPerSqm,
  floorLoadKn: unit.floorLoadKn,
  labWater: unit.labWater,
  exhaust: unit.exhaust,
  cleanRoomGrade: unit.cleanRoomGrade,
  gmpReady: unit.gmpReady,
  envPermit: unit.envPermit,
  notes: unit.notes,
});

/** Empty inputs are sent as null, so clearing a field clears it on the server. */
const toBody = (values: UnitFormValues): UnitFormValues => ({
  ...values,
  monthlyRentPerSqm: values.monthlyRentPerSqm ?? null,
  floorLoadKn: values.floorLoadKn ?? null,
  cleanRoomGrade: values.cleanRoomGrade || null,
  notes: values.notes || null,
});

/** 新增单元 / 编辑单元: the unit, its asking rent and its biotech attributes. */
export function UnitFormDrawer({ target, onClose }: { target: UnitFormTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const showProblem = useShowProblem();
  const { createUnit, updateUnit } = usePropertyMutations();
  const editing = target?.mode === 'edit' ? target.unit : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(
      target.mode === 'edit'
        ? toValues(target.unit)
        : { type: 'office', status: 'vacant', labWater: false, exhaust: false, gmpReady: false, envPermit: false },
    );
  }, [target, form]);

  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };
  const onError = (error: unknown) => showProblem(error, form);
  const onFinish = (values: UnitFormValues) => {
    const body = toBody(values);
    if (editing) updateUnit.mutate({ id: editing.id, version: editing.version, ...body }, { onSuccess: done, onError });
    else if (target?.mode === 'new')
      createUnit.mutate({ floorId: String(target.floor.id), ...body }, { onSuccess: done, onError });
  };

  const required = { required: true, message: t('common.required') };
  const title = editing
    ? t('property.editUnit', { code: editing.code })
    : target?.mode === 'new'
      ? t('property.addUnitTo', { floor: floorName(target.floor, t) })
      : '';
  return (
    <FormDrawer
      open={target !== null}
      title={title}
      onClose={onClose}
      form={form}
      saving={createUnit.isPending || updateUnit.isPending}
    >
      <Form form={form} name="unit" layout="vertical" onFinish={onFinish} data-testid="unit-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('property.code')} rules={[required, { max: 50 }]}>
              <Input data-testid="unit-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('property.type')} rules={[required]}>
              <Select options={unitTypeOptions(locale)} data-testid="unit-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="area" label={t('property.area')} rules={[required]}>
              <InputNumber min={0.01} max={10_000_000} style={{ width: '100%' }} data-testid="unit-area" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('property.setStatus')} extra={t('property.setStatusHint')}>
              <Select options={manualStatusOptions(locale)} data-testid="unit-status" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="monthlyRentPerSqm" label={t('property.rent')}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="unit-rent" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('property.attributes')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="floorLoadKn" label={t('property.floorLoad')}>
              <InputNumber min={0.01} max={1000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="cleanRoomGrade"
              label={t('property.cleanRoom')}
              extra={t('property.cleanRoomHint')}
              rules={[{ max: 50 }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {FLAGS.map(([name, key]) => (
            <Col xs={12} md={6} key={name}>
              <Form.Item name={name} label={t(key)} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="notes" label={t('property.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
