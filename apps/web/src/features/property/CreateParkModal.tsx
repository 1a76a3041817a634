import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { usePropertyMutations } from './property-api';
import type { Park } from './property-types';

export type CreateTarget = { kind: 'park' } | { kind: 'building'; parkId?: string };

/** 新建园区 / 新建楼宇: a small form each, in a modal. */
export function CreateParkModal({
  target,
  parks,
  onClose,
}: {
  target: CreateTarget | null;
  parks: Park[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const showProblem = useShowProblem();
  const { createPark, createBuilding } = usePropertyMutations();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.kind === 'building') form.setFieldsValue({ parkId: target.parkId, floorCount: 1 });
  }, [target, form]);

  const done = () => {
    void message.success(t('property.created'));
    onClose();
  };
  const onError = (error: unknown) => showProblem(error, form);
  const onFinish = (values: { name: string; address?: string; parkId?: string; floorCount?: number }) => {
    if (target?.kind === 'park') {
      createPark.mutate({ name: values.name, address: values.address || null }, { onSuccess: done, onError });
    } else if (values.parkId && values.floorCount) {
      createBuilding.mutate(
        { parkId: values.parkId, name: values.name, floorCount: values.floorCount },
        { onSuccess: done, onError },
      );
    }
  };

  const required = { required: true, message: t('common.required') };
  const isPark = target?.kind === 'park';
  return (
    <Modal
      open={target !== null}
      title={isPark ? t('property.createPark') : t('property.createBuilding')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={createPark.isPending || createBuilding.isPending}
      forceRender
    >
      <Form form={form} name="property_create" layout="vertical" onFinish={onFinish} data-testid="property-create-form">
        {!isPark && (
          <Form.Item name="parkId" label={t('property.park')} rules={[required]}>
            <Select options={parks.map((p) => ({ value: String(p.id), label: p.name }))} data-testid="building-park" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={isPark ? t('property.parkName') : t('property.buildingName')}
          rules={[required, { max: 100 }]}
        >
          <Input data-testid="property-name" />
        </Form.Item>
        {isPark ? (
          <Form.Item name="address" label={t('property.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        ) : (
          <Form.Item name="floorCount" label={t('property.floorCount')} rules={[required]}>
            <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} data-testid="building-floors" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
