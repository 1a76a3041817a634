import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { canEnterprise, canSee, PATHS } from '../../app/access';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import type { EnterpriseDetail } from './enterprise-types';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { useEnterpriseMutations } from './enterprises-api';

/** Back to the list, edit (drawer) and delete, each shown only to roles that may. */
export function EnterpriseActions({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const { remove } = useEnterpriseMutations();
  const [editing, setEditing] = useState(false);

  // Back to the list one came from (its filters are in that URL), or to the list itself from a shared link.
  const back = () => {
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    void (index > 0 ? navigate(-1) : navigate(PATHS.enterprises));
  };

  const confirmDelete = () =>
    modal.confirm({
      title: t('enterprise.deleteConfirm', { name: enterprise.name }),
      content: t('enterprise.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(enterprise.id).then(
          () => {
            void message.success(t('common.deleted'));
            void navigate(PATHS.enterprises, { replace: true });
          },
          (error: unknown) => showProblem(error),
        ),
    });

  return (
    <Space wrap>
      {canSee('enterprises', user.role) && (
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {t('common.back')}
        </Button>
      )}
      {canEnterprise(user, 'update', enterprise) && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </Button>
      )}
      {canEnterprise(user, 'delete') && (
        <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
          {t('common.delete')}
        </Button>
      )}
      <EnterpriseFormDrawer target={editing ? enterprise : null} onClose={() => setEditing(false)} />
    </Space>
  );
}
