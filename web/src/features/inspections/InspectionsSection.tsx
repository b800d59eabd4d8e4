import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 督导检查 (/inspections/*): the plan list and each inspection with its findings and 整改 items.

const InspectionListPage = lazy(() => import('./InspectionListPage.tsx'));
const InspectionPage = lazy(() => import('./InspectionPage.tsx'));
const NotFound = lazy(() => import('../../shell/NotFound.tsx'));

export default function InspectionsSection() {
  return (
    <Routes>
      <Route index element={<InspectionListPage />} />
      <Route path=":id" element={<InspectionPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
