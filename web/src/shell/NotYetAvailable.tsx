import { Result } from 'antd';
import { useLocation } from 'react-router';
import { SECTIONS } from './sections.tsx';

/** A section whose pages are not built yet says so plainly instead of pretending. */
export default function NotYetAvailable() {
  const { pathname } = useLocation();
  const section = SECTIONS.find((s) => s.path !== '/' && pathname.startsWith(s.path));
  return (
    <Result
      status="info"
      title={`${section?.label ?? '此功能'}尚未开放`}
      subTitle={section ? `${section.summary}。该模块正在建设中。` : '该模块正在建设中。'}
    />
  );
}
