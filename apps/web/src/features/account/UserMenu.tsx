import { CheckOutlined, DownOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@kaimen/shared';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../../api/client';
import { useShowProblem } from '../../components/use-show-problem';
import { roleLabel } from '../../i18n/labels';
import { useI18n } from '../../i18n/use-i18n';
import { logout, setMe, useUser } from '../auth/session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { TotpDisableModal, TotpEnrolModal } from './TotpModals';
import { useChangeLocale } from './use-change-locale';

type Dialog = 'password' | 'totp-enrol' | 'totp-disable' | null;

export function UserMenu() {
  const user = useUser();
  const { t, locale } = useI18n();
  const changeLocale = useChangeLocale();
  const showProblem = useShowProblem();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);

  const signOut = async () => {
    try {
      await logout();
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      setMe(queryClient, null);
      void navigate('/login', { replace: true });
    }
  };

  const languageItem = (value: Locale, label: string) => ({
    key: `lang:${value}`,
    label,
    icon: locale === value ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
  });

  const items: MenuProps['items'] = [
    { key: 'who', label: roleLabel(user.role, locale), disabled: true },
    { type: 'divider' },
    {
      key: 'language',
      type: 'group',
      label: t('account.language'),
      children: [languageItem('zh-CN', '中文'), languageItem('en', 'English')],
    },
    { type: 'divider' },
    { key: 'password', label: t('account.changePassword') },
    user.totpEnabled
      ? { key: 'totp-disable', label: t('totp.disableTitle') }
      : { key: 'totp-enrol', label: t('totp.enrolTitle') },
    { type: 'divider' },
    { key: 'logout', label: t('account.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('lang:')) {
      changeLocale(key.slice(5) as Locale).catch((error: unknown) => showProblem(error));
    } else if (key === 'logout') {
      void signOut();
    } else {
      setDialog(key as Dialog);
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} />
          <span>{user.displayName}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={dialog === 'password'} onClose={() => setDialog(null)} />
      <TotpEnrolModal open={dialog === 'totp-enrol'} onClose={() => setDialog(null)} />
      <TotpDisableModal open={dialog === 'totp-disable'} onClose={() => setDialog(null)} />
    </>
  );
}
