import { createBrowserRouter } from 'react-router';
import { AppLayout } from './shell/AppLayout.tsx';

// Route-level code splitting: each page is its own chunk, loaded when first visited.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  { path: '/login', lazy: page(() => import('./auth/LoginPage.tsx')) },
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, lazy: page(() => import('./home/HomePage.tsx')) },
      { path: 'password', lazy: page(() => import('./auth/PasswordPage.tsx')) },
      { path: 'catalog', lazy: page(() => import('./catalog/CatalogPage.tsx')) },
      { path: 'catalog/indicators/:id', lazy: page(() => import('./catalog/IndicatorPage.tsx')) },
      { path: 'collection/documents', lazy: page(() => import('./documents/DocumentsPage.tsx')) },
      { path: 'collection/*', lazy: page(() => import('./collection/CollectionSection.tsx')) },
      { path: 'review/*', lazy: page(() => import('./review/ReviewSection.tsx')) },
      { path: 'analysis/*', lazy: page(() => import('./analysis/AnalysisSection.tsx')) },
      { path: 'warnings/*', lazy: page(() => import('./warnings/WarningsSection.tsx')) },
      { path: 'reports/*', lazy: page(() => import('./reports/ReportsSection.tsx')) },
      { path: 'notices', lazy: page(() => import('./notices/NoticesPage.tsx')) },
      { path: 'admin', lazy: page(() => import('./admin/AdminIndexPage.tsx')) },
      { path: 'admin/units', lazy: page(() => import('./admin/UnitsPage.tsx')) },
      { path: 'admin/areas', lazy: page(() => import('./admin/AreasPage.tsx')) },
      { path: 'admin/users', lazy: page(() => import('./admin/UsersPage.tsx')) },
      { path: 'admin/audit', lazy: page(() => import('./admin/AuditPage.tsx')) },
      { path: 'admin/responsibility', lazy: page(() => import('./admin/ResponsibilityPage.tsx')) },
      { path: 'admin/webhook', lazy: page(() => import('./admin/WebhookPage.tsx')) },
      { path: '*', lazy: page(() => import('./shell/NotFound.tsx')) },
    ],
  },
]);
