import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { RequireAuth } from './components/RequireAuth';
import { useI18n } from './i18n/i18n';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { AuditPage } from './pages/AuditPage';
import { BookingsPage } from './pages/BookingsPage';
import { CampaignPage } from './pages/CampaignPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { ComplaintFollowUpsPage } from './pages/ComplaintFollowUpsPage';
import { ComplaintFormPage } from './pages/ComplaintFormPage';
import { ComplaintPage } from './pages/ComplaintPage';
import { ComplaintReportPage } from './pages/ComplaintReportPage';
import { ComplaintsPage } from './pages/ComplaintsPage';
import { CustomerFormPage } from './pages/CustomerFormPage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { DuplicatesPage } from './pages/DuplicatesPage';
import { ImportPage } from './pages/ImportPage';
import { LifecyclePage } from './pages/LifecyclePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NpsDashboardPage } from './pages/NpsDashboardPage';
import { OutgoingMessagesPage } from './pages/OutgoingMessagesPage';
import { SlaPolicyPage } from './pages/SlaPolicyPage';
import { SurveyPage } from './pages/SurveyPage';
import { TierPolicyPage } from './pages/TierPolicyPage';
import { TiersPage } from './pages/TiersPage';
import { TouchpointTasksPage } from './pages/TouchpointTasksPage';
import { UsersPage } from './pages/UsersPage';
import { VisitCalendarPage } from './pages/VisitCalendarPage';
import { VisitCompliancePage } from './pages/VisitCompliancePage';
import { VisitNewPage } from './pages/VisitNewPage';
import { VisitPage } from './pages/VisitPage';
import { VisitPlansPage } from './pages/VisitPlansPage';
import { VisitsDayPage } from './pages/VisitsDayPage';

const theme = { token: { colorPrimary: '#1668dc', borderRadius: 6 } };
/** Visits are for those who hold customers; service agents handle complaints. */
const VISIT_ROLES: ('admin' | 'manager' | 'account_manager')[] = ['admin', 'manager', 'account_manager'];

export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* customers answer from the link in their message, without signing in */}
          <Route path="/survey/:token" element={<SurveyPage />} />
          <Route
            element={
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            }
          >
            <Route index element={<Navigate to="/customers" replace />} />
            <Route path="customers" element={<CustomersPage />} />
            <Route path="customers/new" element={<CustomerFormPage />} />
            <Route path="customers/:id" element={<CustomerPage />} />
            <Route path="customers/:id/edit" element={<CustomerFormPage />} />
            <Route path="bookings" element={<BookingsPage />} />
            <Route path="complaints" element={<ComplaintsPage />} />
            <Route path="complaints/new" element={<ComplaintFormPage />} />
            <Route path="complaints/follow-ups" element={<ComplaintFollowUpsPage />} />
            <Route path="complaints/report" element={<ComplaintReportPage />} />
            <Route path="complaints/:id" element={<ComplaintPage />} />
            <Route path="complaints/sla-policy" element={<RequireAuth roles={['admin', 'manager']}><SlaPolicyPage /></RequireAuth>} />
            <Route path="visits" element={<RequireAuth roles={VISIT_ROLES}><VisitsDayPage /></RequireAuth>} />
            <Route path="visits/calendar" element={<RequireAuth roles={VISIT_ROLES}><VisitCalendarPage /></RequireAuth>} />
            <Route path="visits/plans" element={<RequireAuth roles={VISIT_ROLES}><VisitPlansPage /></RequireAuth>} />
            <Route path="visits/compliance" element={<RequireAuth roles={VISIT_ROLES}><VisitCompliancePage /></RequireAuth>} />
            <Route path="visits/new" element={<RequireAuth roles={VISIT_ROLES}><VisitNewPage /></RequireAuth>} />
            <Route path="visits/:id" element={<RequireAuth roles={VISIT_ROLES}><VisitPage /></RequireAuth>} />
            <Route path="touchpoints" element={<RequireAuth roles={VISIT_ROLES}><TouchpointTasksPage /></RequireAuth>} />
            <Route path="nps" element={<RequireAuth roles={VISIT_ROLES}><NpsDashboardPage /></RequireAuth>} />
            <Route path="lifecycle" element={<LifecyclePage />} />
            <Route path="tiers" element={<TiersPage />} />
            <Route path="tiers/policy" element={<RequireAuth roles={['admin', 'manager']}><TierPolicyPage /></RequireAuth>} />
            <Route path="imports" element={<RequireAuth roles={['admin', 'manager']}><ImportPage /></RequireAuth>} />
            <Route path="duplicates" element={<RequireAuth roles={['admin', 'manager', 'account_manager']}><DuplicatesPage /></RequireAuth>} />
            <Route path="users" element={<RequireAuth roles={['admin']}><UsersPage /></RequireAuth>} />
            <Route path="api-keys" element={<RequireAuth roles={['admin']}><ApiKeysPage /></RequireAuth>} />
            <Route path="audit" element={<RequireAuth roles={['admin']}><AuditPage /></RequireAuth>} />
            <Route path="messages" element={<RequireAuth roles={['admin']}><OutgoingMessagesPage /></RequireAuth>} />
            <Route path="campaigns" element={<RequireAuth roles={['admin', 'manager']}><CampaignsPage /></RequireAuth>} />
            <Route path="campaigns/:id" element={<RequireAuth roles={['admin', 'manager']}><CampaignPage /></RequireAuth>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
