import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 议事协调 (/meetings/*): the meetings, recording one, and each meeting with its decisions and 会议纪要.

const MeetingListPage = lazy(() => import('./MeetingListPage.tsx'));
const MeetingFormPage = lazy(() => import('./MeetingFormPage.tsx'));
const MeetingPage = lazy(() => import('./MeetingPage.tsx'));
const NotFound = lazy(() => import('../../shell/NotFound.tsx'));

export default function MeetingsSection() {
  return (
    <Routes>
      <Route index element={<MeetingListPage />} />
      <Route path="new" element={<MeetingFormPage />} />
      <Route path=":id" element={<MeetingPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
