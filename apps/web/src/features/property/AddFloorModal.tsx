import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { usePropertyMutations } from './property-api';
import type { BuildingDetail } from './property-types';

/** 新增楼层: the next floor number is suggested (one above the highest). */
export function AddFloorModal({
  building,
  open,
  onClose,
}: {
  building: BuildingDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ number: number; label?: string }>();
  const showProblem = useShowProblem();
  const { createFloor } = usePropertyMutations();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const top = Math.max(0, ...building.floors.map((f) => f.number));
    form.setFieldsValue({ number: top + 1 });
  }, [open, form, building.floors]);

  const onFinish = (values: { number: number; label?: string }) =>
    createFloor.mutate(
      { buildingId: String(building.id), number: values.number, label: values.label || null },
      {
        onSuccess: () => {
          void message.success(t('property.created'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('property.addFloor')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={createFloor.isPending}
      forceRender
    >
      <Form form={form} name="floor" layout="vertical" onFinish={onFinish} data-testid="floor-form">
        <Form.Item
          name="number"
          label={t('property.floorNumber')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} data-testid="floor-number" />
        </Form.Item>
        <Form.Item name="label" label={t('property.floorLabel')} extra={t('property.floorLabelHint')}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
