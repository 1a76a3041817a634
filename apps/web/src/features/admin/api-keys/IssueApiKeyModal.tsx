import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiKeyMutations, type IssuedApiKey } from './api-keys-api';

interface Props {
  open: boolean;
  onClose: () => void;
}

/** Asks for the key's name, then shows the key — once: the server keeps only its hash. */
export function IssueApiKeyModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string }>();
  const showProblem = useShowProblem();
  const { issue } = useApiKeyMutations();
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setIssued(null);
  }, [open, form]);

  // Forget the key as soon as the dialog closes: nothing keeps it in memory afterwards.
  const close = () => {
    setIssued(null);
    onClose();
  };

  const onFinish = ({ name }: { name: string }) =>
    issue.mutate({ name }, { onSuccess: setIssued, onError: (error: unknown) => showProblem(error, form) });

  if (issued) {
    return (
      <Modal
        open={open}
        title={t('apiKeys.issuedTitle', { name: issued.name })}
        okText={t('apiKeys.copied')}
        onOk={close}
        onCancel={close}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
        keyboard={false}
      >
        <Alert type="warning" showIcon message={t('apiKeys.issuedWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph code copyable={{ text: issued.key }} data-testid="issued-api-key">
          {issued.key}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('apiKeys.issueTitle')}
      okText={t('apiKeys.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          extra={t('apiKeys.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
