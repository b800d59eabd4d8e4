import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 报告 (/reports/*): monitoring and evaluation reports and statistical tables, drafted from the data, edited by
// the office, generated as .docx / .xlsx and kept per version.

const ReportsPage = lazy(() => import('./ReportsPage.tsx'));
const DraftEditorPage = lazy(() => import('./DraftEditorPage.tsx'));
const NotFound = lazy(() => import('../../shell/NotFound.tsx'));

export default function ReportsSection() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path="drafts/:id" element={<DraftEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
