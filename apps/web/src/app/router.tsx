import { Result } from 'antd';
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { TotpEnrolPage } from '../features/auth/TotpEnrolPage';
import { HomePage } from '../features/home/HomePage';
import { useI18n } from '../i18n/use-i18n';
import { PATHS, type Screen } from './access';
import { AppLayout } from './AppLayout';
import { RedirectIfSignedIn, RequireAuth, RequireScreen, TOTP_ENROL_PATH } from './guards';

// Admin screens load on first use, so signing in does not wait for them.
const AuditPage = lazy(() => import('../features/admin/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const DepartmentsPage = lazy(() =>
  import('../features/admin/departments/DepartmentsPage').then((m) => ({ default: m.DepartmentsPage })),
);
const DictionariesPage = lazy(() =>
  import('../features/admin/dictionaries/DictionariesPage').then((m) => ({ default: m.DictionariesPage })),
);
const SecurityPage = lazy(() =>
  import('../features/admin/security/SecurityPage').then((m) => ({ default: m.SecurityPage })),
);
const PipelineSettingsPage = lazy(() =>
  import('../features/admin/pipeline/PipelineSettingsPage').then((m) => ({ default: m.PipelineSettingsPage })),
);
const ApiKeysPage = lazy(() =>
  import('../features/admin/api-keys/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })),
);
const TenantsPage = lazy(() =>
  import('../features/admin/tenants/TenantsPage').then((m) => ({ default: m.TenantsPage })),
);
const ChainPage = lazy(() => import('../features/chain/ChainPage').then((m) => ({ default: m.ChainPage })));
const EnterprisesPage = lazy(() =>
  import('../features/enterprises/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import('../features/enterprises/EnterpriseDetailPage').then((m) => ({ default: m.EnterpriseDetailPage })),
);
const MyEnterprisePage = lazy(() =>
  import('../features/enterprises/MyEnterprisePage').then((m) => ({ default: m.MyEnterprisePage })),
);
const ImportsPage = lazy(() => import('../features/imports/ImportsPage').then((m) => ({ default: m.ImportsPage })));
const ImportJobPage = lazy(() =>
  import('../features/imports/ImportJobPage').then((m) => ({ default: m.ImportJobPage })),
);
const LeadsPage = lazy(() => import('../features/leads/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const LeadDetailPage = lazy(() =>
  import('../features/leads/LeadDetailPage').then((m) => ({ default: m.LeadDetailPage })),
);
const LeadReportsPage = lazy(() =>
  import('../features/lead-reports/LeadReportsPage').then((m) => ({ default: m.LeadReportsPage })),
);
const NeedsPage = lazy(() => import('../features/needs/NeedsPage').then((m) => ({ default: m.NeedsPage })));
const NeedDetailPage = lazy(() =>
  import('../features/needs/NeedDetailPage').then((m) => ({ default: m.NeedDetailPage })),
);
const NeedReportsPage = lazy(() =>
  import('../features/need-reports/NeedReportsPage').then((m) => ({ default: m.NeedReportsPage })),
);
const WebhookDeliveriesPage = lazy(() =>
  import('../features/admin/webhooks/WebhookDeliveriesPage').then((m) => ({ default: m.WebhookDeliveriesPage })),
);
const CalendarPage = lazy(() =>
  import('../features/admin/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })),
);
const SurveysPage = lazy(() =>
  import('../features/admin/surveys/SurveysPage').then((m) => ({ default: m.SurveysPage })),
);
const VisitsPage = lazy(() => import('../features/visits/VisitsPage').then((m) => ({ default: m.VisitsPage })));
const VisitDetailPage = lazy(() =>
  import('../features/visits/VisitDetailPage').then((m) => ({ default: m.VisitDetailPage })),
);
const CoveragePage = lazy(() => import('../features/visits/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const BuildingsPage = lazy(() =>
  import('../features/property/BuildingsPage').then((m) => ({ default: m.BuildingsPage })),
);
const BuildingPage = lazy(() => import('../features/property/BuildingPage').then((m) => ({ default: m.BuildingPage })));
const LeasesPage = lazy(() => import('../features/property/LeasesPage').then((m) => ({ default: m.LeasesPage })));
const OccupancyPage = lazy(() =>
  import('../features/property/OccupancyPage').then((m) => ({ default: m.OccupancyPage })),
);
const ParcelMapPage = lazy(() =>
  import('../features/property/ParcelMapPage').then((m) => ({ default: m.ParcelMapPage })),
);
const IncubatorPage = lazy(() =>
  import('../features/property/IncubatorPage').then((m) => ({ default: m.IncubatorPage })),
);
const ParcelsPage = lazy(() => import('../features/property/ParcelsPage').then((m) => ({ default: m.ParcelsPage })));
const FindSpacePage = lazy(() =>
  import('../features/property/FindSpacePage').then((m) => ({ default: m.FindSpacePage })),
);
const RentalNoticesPage = lazy(() =>
  import('../features/property/RentalNoticesPage').then((m) => ({ default: m.RentalNoticesPage })),
);
const UsersPage = lazy(() => import('../features/admin/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const TripsPage = lazy(() => import('../features/trips/TripsPage').then((m) => ({ default: m.TripsPage })));
const TripDetailPage = lazy(() =>
  import('../features/trips/TripDetailPage').then((m) => ({ default: m.TripDetailPage })),
);

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('error.notFoundPage')} />;
}

const screen = (name: Screen, element: ReactNode) => ({
  path: PATHS[name],
  element: <RequireScreen screen={name}>{element}</RequireScreen>,
});

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <RedirectIfSignedIn>
        <LoginPage />
      </RedirectIfSignedIn>
    ),
  },
  {
    element: <RequireAuth enrolment />,
    children: [{ path: TOTP_ENROL_PATH, element: <TotpEnrolPage /> }],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          screen('enterprises', <EnterprisesPage />),
          screen('enterprise', <EnterpriseDetailPage />),
          screen('myEnterprise', <MyEnterprisePage />),
          screen('enterpriseImport', <ImportsPage kind="enterprises" />),
          screen('leadImport', <ImportsPage kind="leads" />),
          screen('importJob', <ImportJobPage />),
          screen('leads', <LeadsPage />),
          screen('lead', <LeadDetailPage />),
          screen('trips', <TripsPage />),
          screen('trip', <TripDetailPage />),
          screen('leadReports', <LeadReportsPage />),
          screen('visits', <VisitsPage />),
          screen('visitCoverage', <CoveragePage />),
          screen('visit', <VisitDetailPage />),
          screen('needs', <NeedsPage />),
          screen('needAnalysis', <NeedReportsPage />),
          screen('need', <NeedDetailPage />),
          screen('buildings', <BuildingsPage />),
          screen('building', <BuildingPage />),
          screen('leases', <LeasesPage />),
          screen('occupancy', <OccupancyPage />),
          screen('parcelMap', <ParcelMapPage />),
          screen('incubator', <IncubatorPage />),
          screen('rentalNotices', <RentalNoticesPage />),
          screen('findSpace', <FindSpacePage />),
          screen('parcels', <ParcelsPage />),
          screen('unitImport', <ImportsPage kind="units" />),
          screen('parcelImport', <ImportsPage kind="parcels" />),
          screen('chain', <ChainPage />),
          screen('users', <UsersPage />),
          screen('departments', <DepartmentsPage />),
          screen('dictionaries', <DictionariesPage />),
          screen('security', <SecurityPage />),
          screen('pipelineSettings', <PipelineSettingsPage />),
          screen('apiKeys', <ApiKeysPage />),
          screen('webhooks', <WebhookDeliveriesPage />),
          screen('calendar', <CalendarPage />),
          screen('surveys', <SurveysPage />),
          screen('audit', <AuditPage />),
          screen('tenants', <TenantsPage />),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
