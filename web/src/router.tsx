import { createBrowserRouter } from 'react-router';
import { AppLayout } from './shell/AppLayout.tsx';

// Route-level code splitting: each page is its own chunk, loaded when first visited.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  { path: '/login', lazy: page(() => import('./features/auth/LoginPage.tsx')) },
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, lazy: page(() => import('./features/home/HomePage.tsx')) },
      { path: 'password', lazy: page(() => import('./features/auth/PasswordPage.tsx')) },
      { path: 'catalog', lazy: page(() => import('./features/catalog/CatalogPage.tsx')) },
      { path: 'catalog/indicators/:id', lazy: page(() => import('./features/catalog/IndicatorPage.tsx')) },
      { path: 'collection/documents', lazy: page(() => import('./features/documents/DocumentsPage.tsx')) },
      { path: 'collection/*', lazy: page(() => import('./features/collection/CollectionSection.tsx')) },
      { path: 'review/*', lazy: page(() => import('./features/collection/review/ReviewSection.tsx')) },
      { path: 'analysis/*', lazy: page(() => import('./features/analysis/AnalysisSection.tsx')) },
      { path: 'warnings/*', lazy: page(() => import('./features/supervision/WarningsSection.tsx')) },
      { path: 'tasks/*', lazy: page(() => import('./features/tasks/TasksSection.tsx')) },
      { path: 'inspections/*', lazy: page(() => import('./features/inspections/InspectionsSection.tsx')) },
      { path: 'meetings/*', lazy: page(() => import('./features/meetings/MeetingsSection.tsx')) },
      { path: 'reports/*', lazy: page(() => import('./features/reports/ReportsSection.tsx')) },
      { path: 'notices', lazy: page(() => import('./features/notices/NoticesPage.tsx')) },
      { path: 'admin', lazy: page(() => import('./features/admin/AdminIndexPage.tsx')) },
      { path: 'admin/units', lazy: page(() => import('./features/admin/UnitsPage.tsx')) },
      { path: 'admin/areas', lazy: page(() => import('./features/admin/AreasPage.tsx')) },
      { path: 'admin/users', lazy: page(() => import('./features/admin/UsersPage.tsx')) },
      { path: 'admin/audit', lazy: page(() => import('./features/admin/AuditPage.tsx')) },
      { path: 'admin/responsibility', lazy: page(() => import('./features/admin/ResponsibilityPage.tsx')) },
      { path: 'admin/plans', lazy: page(() => import('./features/plans/PlanDraftsPage.tsx')) },
      { path: 'admin/plans/:id', lazy: page(() => import('./features/plans/CurationPage.tsx')) },
      { path: 'admin/webhook', lazy: page(() => import('./features/admin/WebhookPage.tsx')) },
      { path: '*', lazy: page(() => import('./shell/NotFound.tsx')) },
    ],
  },
]);
