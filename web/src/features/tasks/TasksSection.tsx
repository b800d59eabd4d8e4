import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// 工作任务 (/tasks/*): 督办、整改事项和会议议定事项 in one list (a unit: its own), and each 整改 item's or decision's thread.

const TaskListPage = lazy(() => import('./TaskListPage.tsx'));
const TaskPage = lazy(() => import('./TaskPage.tsx'));
const NotFound = lazy(() => import('../../shell/NotFound.tsx'));

export default function TasksSection() {
  return (
    <Routes>
      <Route index element={<TaskListPage />} />
      <Route path=":id" element={<TaskPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
