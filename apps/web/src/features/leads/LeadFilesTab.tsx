import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Upload, type TableColumnsType } from 'antd';
import { download } from '../../api/client';
import type { Id } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { saveBlob } from '../../components/save-blob';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import type { Attachment } from './lead-types';
import { useLeadFiles, useLeadMutations } from './leads-api';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** 附件: business plans, agreements and the like, through the attachments API (entity type `lead`). */
export function LeadFilesTab({ leadId, writable }: { leadId: Id; writable: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const files = useLeadFiles(leadId);
  const { upload, removeFile } = useLeadMutations();

  const get = async (file: Attachment) => {
    try {
      const got = await download(`/api/attachments/${encodeURIComponent(String(file.id))}`);
      saveBlob(got.blob, got.filename ?? file.filename);
    } catch (error) {
      showProblem(error);
    }
  };
  const confirmRemove = (file: Attachment) =>
    modal.confirm({
      title: t('leads.files.deleteConfirm', { name: file.filename }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        removeFile.mutateAsync(file.id).then(
          () => void message.success(t('common.deleted')),
          (error: unknown) => showProblem(error),
        ),
    });

  const columns: TableColumnsType<Attachment> = [
    { title: t('leads.files.name'), dataIndex: 'filename' },
    { title: t('leads.files.size'), width: 100, render: (_, f) => size(f.size) },
    { title: t('leads.files.uploadedAt'), width: 160, render: (_, f) => formatDateTime(f.createdAt) },
    {
      title: t('common.actions'),
      width: 120,
      render: (_, f) => (
        <Space>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            aria-label={t('leads.files.download')}
            onClick={() => void get(f)}
          />
          {writable && (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => confirmRemove(f)}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      {writable && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutateAsync({ id: leadId, file }).then(
              () => void message.success(t('leads.files.uploaded', { name: file.name })),
              (error: unknown) => showProblem(error),
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginBottom: 12 }}>
            {t('leads.files.upload')}
          </Button>
        </Upload>
      )}
      <Table<Attachment>
        rowKey={(f) => String(f.id)}
        size="small"
        loading={files.isPending}
        dataSource={files.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('leads.files.empty') }}
        data-testid="lead-files"
      />
    </>
  );
}
