import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 预警督办 (/warnings/*): the early warnings, the 督办单 issued from them, and each notice's thread.

const WarningsPage = lazy(() => import('./WarningsPage.tsx'));
const NoticePage = lazy(() => import('./NoticePage.tsx'));
const NotFound = lazy(() => import('../../shell/NotFound.tsx'));

export default function WarningsSection() {
  return (
    <Routes>
      <Route index element={<WarningsPage />} />
      <Route path="notices/:id" element={<NoticePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
