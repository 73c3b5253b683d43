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
import { ComplaintFormPage } from './pages/ComplaintFormPage';
import { ComplaintPage } from './pages/ComplaintPage';
import { ComplaintsPage } from './pages/ComplaintsPage';
import { CustomerFormPage } from './pages/CustomerFormPage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { DuplicatesPage } from './pages/DuplicatesPage';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { TierPolicyPage } from './pages/TierPolicyPage';
import { TiersPage } from './pages/TiersPage';
import { UsersPage } from './pages/UsersPage';

const theme = { token: { colorPrimary: '#1668dc', borderRadius: 6 } };

export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
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
            <Route path="complaints/:id" element={<ComplaintPage />} />
            <Route path="tiers" element={<TiersPage />} />
            <Route path="tiers/policy" element={<RequireAuth roles={['admin', 'manager']}><TierPolicyPage /></RequireAuth>} />
            <Route path="imports" element={<RequireAuth roles={['admin', 'manager']}><ImportPage /></RequireAuth>} />
            <Route path="duplicates" element={<RequireAuth roles={['admin', 'manager', 'account_manager']}><DuplicatesPage /></RequireAuth>} />
            <Route path="users" element={<RequireAuth roles={['admin']}><UsersPage /></RequireAuth>} />
            <Route path="api-keys" element={<RequireAuth roles={['admin']}><ApiKeysPage /></RequireAuth>} />
            <Route path="audit" element={<RequireAuth roles={['admin']}><AuditPage /></RequireAuth>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
