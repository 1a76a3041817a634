import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { usePropertyMutations } from './property-api';
import type { Building, Park } from './property-types';

/** A new park or building, or (with the record) a change of one. */
export type CreateTarget = { kind: 'park'; park?: Park } | { kind: 'building'; parkId?: string; building?: Building };

/** 新建园区 / 新建楼宇 and their edits: a small form each, in a modal; a change sends the version it was opened at. */
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
  const { createPark, createBuilding, updatePark, updateBuilding } = usePropertyMutations();
  const editing = target?.kind === 'park' ? target.park : target?.building;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.kind === 'park' && target.park)
      form.setFieldsValue({ name: target.park.name, address: target.park.address ?? '' });
    if (target.kind === 'building')
      form.setFieldsValue(
        target.building
          ? {
              parkId: String(target.building.parkId),
              name: target.building.name,
              floorCount: target.building.floorCount,
            }
          : { parkId: target.parkId, floorCount: 1 },
      );
  }, [target, form]);

  const done = () => {
    void message.success(t(editing ? 'property.saved' : 'property.created'));
    onClose();
  };
  const onError = (error: unknown) => showProblem(error, form);
  const onFinish = (values: { name: string; address?: string; parkId?: string; floorCount?: number }) => {
    if (target?.kind === 'park') {
      const park = { name: values.name, address: values.address || null };
      if (target.park)
        updatePark.mutate({ id: target.park.id, version: target.park.version, ...park }, { onSuccess: done, onError });
      else createPark.mutate(park, { onSuccess: done, onError });
    } else if (target?.building && values.floorCount) {
      const { id, version } = target.building;
      updateBuilding.mutate(
        { id, version, name: values.name, floorCount: values.floorCount },
        { onSuccess: done, onError },
      );
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
      title={
        isPark
          ? t(editing ? 'property.editPark' : 'property.createPark')
          : t(editing ? 'property.editBuilding' : 'property.createBuilding')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={
        createPark.isPending || createBuilding.isPending || updatePark.isPending || updateBuilding.isPending
      }
      forceRender
    >
      <Form form={form} name="property_create" layout="vertical" onFinish={onFinish} data-testid="property-create-form">
        {!isPark && (
          <Form.Item name="parkId" label={t('property.park')} rules={[required]}>
            <Select
              disabled={Boolean(editing)}
              options={parks.map((p) => ({ value: String(p.id), label: p.name }))}
              data-testid="building-park"
            />
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
