import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BorderOutlined,
  BuildOutlined,
  CalendarOutlined,
  CarOutlined,
  ClusterOutlined,
  CompassOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  GlobalOutlined,
  HeatMapOutlined,
  HomeOutlined,
  KeyOutlined,
  LineChartOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PieChartOutlined,
  SafetyOutlined,
  SearchOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '@kaimen/shared';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/zh-CN';
import { canSee, PATHS, type Screen } from './access';

type MenuItem = Required<MenuProps>['items'][number];

interface Entry {
  screen: Screen;
  label: MessageKey;
  icon: ReactNode;
}

const PIPELINE_ENTRIES: Entry[] = [
  { screen: 'leads', label: 'nav.leads', icon: <FundOutlined /> },
  { screen: 'trips', label: 'nav.trips', icon: <CompassOutlined /> },
  { screen: 'leadReports', label: 'nav.leadReports', icon: <LineChartOutlined /> },
];

/** 走访 Visits (DESIGN.md §8): the records and the visit plan's coverage. */
const VISITS_ENTRIES: Entry[] = [
  { screen: 'visits', label: 'nav.visitList', icon: <CarOutlined /> },
  { screen: 'visitCoverage', label: 'nav.visitCoverage', icon: <PieChartOutlined /> },
];

/** 诉求 Needs (DESIGN.md §8): my queue, all needs, analysis. */
const NEEDS_ENTRIES: Entry[] = [
  { screen: 'needs', label: 'nav.needList', icon: <SolutionOutlined /> },
  { screen: 'needAnalysis', label: 'nav.needAnalysis', icon: <HeatMapOutlined /> },
];

/** 载体 Property (DESIGN.md §8): buildings with their rent-control tables, the leases, the incubator. */
const PROPERTY_ENTRIES: Entry[] = [
  { screen: 'buildings', label: 'nav.buildings', icon: <BuildOutlined /> },
  { screen: 'findSpace', label: 'nav.findSpace', icon: <SearchOutlined /> },
  { screen: 'leases', label: 'nav.leases', icon: <FileTextOutlined /> },
  { screen: 'occupancy', label: 'nav.occupancy', icon: <DashboardOutlined /> },
  { screen: 'parcels', label: 'nav.parcels', icon: <BorderOutlined /> },
  { screen: 'parcelMap', label: 'nav.parcelMap', icon: <GlobalOutlined /> },
  { screen: 'incubator', label: 'nav.incubator', icon: <ExperimentOutlined /> },
  { screen: 'rentalNotices', label: 'nav.rentalNotices', icon: <NotificationOutlined /> },
];

const ADMIN_ENTRIES: Entry[] = [
  { screen: 'users', label: 'nav.users', icon: <TeamOutlined /> },
  { screen: 'departments', label: 'nav.departments', icon: <ApartmentOutlined /> },
  { screen: 'dictionaries', label: 'nav.dictionaries', icon: <BookOutlined /> },
  { screen: 'chain', label: 'nav.chain', icon: <NodeIndexOutlined /> },
  { screen: 'security', label: 'nav.security', icon: <SafetyOutlined /> },
  { screen: 'pipelineSettings', label: 'nav.pipelineSettings', icon: <FundOutlined /> },
  { screen: 'apiKeys', label: 'nav.apiKeys', icon: <KeyOutlined /> },
  { screen: 'webhooks', label: 'nav.webhooks', icon: <SendOutlined /> },
  { screen: 'calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
  { screen: 'surveys', label: 'nav.surveys', icon: <FormOutlined /> },
  { screen: 'audit', label: 'nav.audit', icon: <AuditOutlined /> },
];

/** The side navigation for a role: only the entries it may open. */
export function navItems(role: Role, t: (key: MessageKey) => string): MenuItem[] {
  const item = (entry: Entry): MenuItem => ({
    key: PATHS[entry.screen],
    icon: entry.icon,
    label: t(entry.label),
  });
  const items: MenuItem[] = [item({ screen: 'home', label: 'nav.home', icon: <HomeOutlined /> })];
  if (canSee('enterprises', role)) {
    items.push(item({ screen: 'enterprises', label: 'nav.enterprises', icon: <BankOutlined /> }));
  }
  // An enterprise user has one company: its entry opens that record directly.
  if (canSee('myEnterprise', role)) {
    items.push(item({ screen: 'myEnterprise', label: 'nav.myEnterprise', icon: <ShopOutlined /> }));
  }
  const pipeline = PIPELINE_ENTRIES.filter((entry) => canSee(entry.screen, role));
  if (pipeline.length > 0) {
    items.push({ key: 'pipeline', icon: <FundOutlined />, label: t('nav.pipeline'), children: pipeline.map(item) });
  }
  const visits = VISITS_ENTRIES.filter((entry) => canSee(entry.screen, role));
  if (visits.length > 0) {
    items.push({ key: 'visits', icon: <CarOutlined />, label: t('nav.visits'), children: visits.map(item) });
  }
  const property = PROPERTY_ENTRIES.filter((entry) => canSee(entry.screen, role));
  if (property.length > 0) {
    items.push({ key: 'property', icon: <BuildOutlined />, label: t('nav.property'), children: property.map(item) });
  }
  const needs = NEEDS_ENTRIES.filter((entry) => canSee(entry.screen, role));
  if (needs.length > 0) {
    items.push({ key: 'needs', icon: <SolutionOutlined />, label: t('nav.needs'), children: needs.map(item) });
  }
  const admin = ADMIN_ENTRIES.filter((entry) => canSee(entry.screen, role));
  if (admin.length > 0) {
    items.push({ key: 'admin', icon: <SettingOutlined />, label: t('nav.admin'), children: admin.map(item) });
  }
  if (canSee('tenants', role)) items.push(item({ screen: 'tenants', label: 'nav.tenants', icon: <ClusterOutlined /> }));
  return items;
}
