import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 数据审核 (/review/*): the statistics bureau's review of submitted data; the office reads along.

const ReviewPage = lazy(() => import('./ReviewPage.tsx'));
const ReviewRoundPage = lazy(() => import('./ReviewRoundPage.tsx'));
const ReviewSubmissionPage = lazy(() => import('./ReviewSubmissionPage.tsx'));
const NotFound = lazy(() => import('../../../shell/NotFound.tsx'));

export default function ReviewSection() {
  return (
    <Routes>
      <Route index element={<ReviewPage />} />
      <Route path="rounds/:id" element={<ReviewRoundPage />} />
      <Route path="submissions/:id" element={<ReviewSubmissionPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
