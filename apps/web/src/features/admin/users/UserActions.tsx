import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, type MenuProps } from 'antd';
import type { User } from '../../../api/types';
import { useShowProblem } from '../../../components/use-show-problem';
import { useI18n } from '../../../i18n/use-i18n';
import { isLocked, useUserMutations, type UserAction } from './users-api';

interface Props {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UserActions({ user, onEdit, onResetPassword }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useShowProblem();
  const { act } = useUserMutations();

  const run = (action: UserAction) =>
    act.mutate(
      { id: user.id, action },
      { onSuccess: () => void message.success(t('common.saved')), onError: (error) => showProblem(error) },
    );

  const items: MenuProps['items'] = [
    { key: 'reset', label: t('user.resetPassword') },
    isLocked(user) ? { key: 'unlock', label: t('user.unlock') } : null,
    user.disabled
      ? { key: 'enable', label: t('user.enable') }
      : { key: 'disable', label: t('user.disable'), danger: true },
  ].filter((item) => item !== null);

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'reset') onResetPassword(user);
    else if (key === 'disable') {
      void modal.confirm({
        title: t('user.disableConfirm', { name: user.username }),
        content: t('user.disableHint'),
        okText: t('user.disable'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => run('disable'),
      });
    } else run(key as UserAction);
  };

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        {t('common.edit')}
      </Button>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="link" size="small" data-testid={`user-actions-${user.username}`}>
          {t('common.more')} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
