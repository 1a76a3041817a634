import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../features/auth/session';
import { useI18n } from '../i18n/use-i18n';
import { canSee, type Screen } from './access';

export const TOTP_ENROL_PATH = '/enrol-totp';

function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Signed-in users only; a user whose role requires TOTP enrols before anything else. */
export function RequireAuth({ enrolment = false }: { enrolment?: boolean }) {
  const { data: user, isPending, isError } = useMe();
  const location = useLocation();
  const { t } = useI18n();
  if (isPending) return <FullPageSpin />;
  if (isError) return <Result status="500" title={t('error.unexpected')} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.totpEnrolmentRequired && !enrolment) return <Navigate to={TOTP_ENROL_PATH} replace />;
  if (!user.totpEnrolmentRequired && enrolment) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Shows the screen only to the roles ACCESS lists for it. */
export function RequireScreen({ screen, children }: { screen: Screen; children: ReactNode }) {
  const { data: user } = useMe();
  const { t } = useI18n();
  if (!user || !canSee(screen, user.role)) {
    return <Result status="403" title="403" subTitle={t('error.forbiddenScreen')} />;
  }
  return children;
}

/** The login page is for signed-out visitors; once signed in, one goes where one was headed. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { data: user, isPending } = useMe();
  const from = (useLocation().state as { from?: string } | null)?.from;
  if (isPending) return <FullPageSpin />;
  if (user) return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;
  return children;
}
