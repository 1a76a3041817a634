import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { usePropertyMutations } from './property-api';
import { parcelStatusOptions } from './property-format';
import type { Parcel, ParcelBody } from './property-types';

/** A new parcel (`'new'`) or a change of one: its code, name, area, zoning, status, owner; the outline is kept. */
export type ParcelFormTarget = 'new' | Parcel;

export function ParcelFormDrawer({ target, onClose }: { target: ParcelFormTarget | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ParcelBody>();
  const showProblem = useShowProblem();
  const { createParcel, updateParcel } = usePropertyMutations();
  const parcel = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'new') form.setFieldsValue({ status: 'idle' });
    else
      form.setFieldsValue({
        ...target,
        zoning: target.zoning ?? '',
        owner: target.owner ?? '',
        notes: target.notes ?? '',
      });
  }, [target, form]);

  const onFinish = (v: ParcelBody) => {
    const body = { ...v, zoning: v.zoning || null, owner: v.owner || null, notes: v.notes || null };
    const callbacks = {
      onSuccess: () => {
        void message.success(t('property.saved'));
        onClose();
      },
      onError: (error: unknown) => showProblem(error, form),
    };
    if (parcel) updateParcel.mutate({ id: parcel.id, version: parcel.version, ...body }, callbacks);
    else createParcel.mutate(body, callbacks);
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormDrawer
      open={target !== null}
      title={parcel ? t('parcels.edit') : t('parcels.create')}
      onClose={onClose}
      form={form}
      saving={createParcel.isPending || updateParcel.isPending}
    >
      <Form form={form} name="parcel" layout="vertical" onFinish={onFinish} data-testid="parcel-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('parcels.code')} rules={[required, { max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('parcels.name')} rules={[required, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="area" label={t('property.area')} rules={[required]}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('parcels.status')} rules={[required]}>
              <Select options={parcelStatusOptions(locale)} data-testid="parcel-status" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="zoning" label={t('parcels.zoning')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="owner" label={t('parcels.owner')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('property.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
