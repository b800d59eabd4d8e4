import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 数据填报 (/collection/*): the section's pages, each loaded when first visited.

const RoundsPage = lazy(() => import('./RoundsPage.tsx'));
const RoundProgressPage = lazy(() => import('./RoundProgressPage.tsx'));
const EntryPage = lazy(() => import('./EntryPage.tsx'));
const NotFound = lazy(() => import('../../shell/NotFound.tsx'));

export default function CollectionSection() {
  return (
    <Routes>
      <Route index element={<RoundsPage />} />
      <Route path="rounds/:id" element={<RoundProgressPage />} />
      <Route path="rounds/:id/entry" element={<EntryPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
