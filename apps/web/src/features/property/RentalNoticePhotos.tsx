import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Image, Space, Typography, Upload } from 'antd';
import { RENTAL_NOTICE_PHOTO_TYPES } from '@kaimen/shared';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { photoUrl, useRentalNoticeMutations, type RentalNotice } from './rental-notices-api';

/** A notice's photos, through the attachments API (entity type `rental-notice`, images only). */
export function RentalNoticePhotos({ notice, writable }: { notice: RentalNotice; writable: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const { uploadPhoto, removePhoto } = useRentalNoticeMutations();

  const confirmRemove = (photoId: RentalNotice['photoIds'][number]) =>
    modal.confirm({
      title: t('notices.deletePhotoConfirm'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        removePhoto.mutateAsync(photoId).then(
          () => void message.success(t('common.deleted')),
          (error: unknown) => showProblem(error),
        ),
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="notice-photos">
      {writable && (
        <Space>
          <Upload
            accept={RENTAL_NOTICE_PHOTO_TYPES.join(',')}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              uploadPhoto.mutateAsync({ id: notice.id, file }).then(
                () => void message.success(t('notices.photoUploaded', { name: file.name })),
                (error: unknown) => showProblem(error),
              );
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploadPhoto.isPending} data-testid="notice-photo-upload">
              {t('notices.uploadPhoto')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('notices.photosHint')}</Typography.Text>
        </Space>
      )}
      {notice.photoIds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.noPhotos')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {notice.photoIds.map((id) => (
              <Space key={String(id)} orientation="vertical" size={4} align="center">
                <Image src={photoUrl(id)} width={160} height={120} style={{ objectFit: 'cover' }} alt="" />
                {writable && (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => confirmRemove(id)}
                  />
                )}
              </Space>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Space>
  );
}
