import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 监测分析 (/analysis/*): 达标率 by plan, domain and lead unit, the warnings, each indicator's judgement, and the
// 天津市 / 全国 figures (对比数据) they are compared with.

const OverviewPage = lazy(() => import('./OverviewPage.tsx'));
const UnitsPage = lazy(() => import('./UnitsPage.tsx'));
const DomainPage = lazy(() => import('./DomainPage.tsx'));
const IndicatorPage = lazy(() => import('./IndicatorPage.tsx'));
const ReferencePage = lazy(() => import('./ReferencePage.tsx'));
const NotFound = lazy(() => import('../../shell/NotFound.tsx'));

export default function AnalysisSection() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="units" element={<UnitsPage />} />
      <Route path="references" element={<ReferencePage />} />
      <Route path="domains/:planId/:code" element={<DomainPage />} />
      <Route path="indicators/:id" element={<IndicatorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
