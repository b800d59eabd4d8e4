import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useUser } from '../../auth/AuthContext.tsx';

/** 数据审核 is for the statistics bureau (who acts) and the office (who reads); the server enforces the same. */
export function ReviewersOnly({ children }: { children: ReactNode }) {
  const user = useUser();
  if (user.role !== 'statistics' && user.role !== 'office') {
    return <Result status="403" title="无权访问" subTitle={`您的角色（${user.roleLabel}）不能使用数据审核。`} />;
  }
  return <>{children}</>;
}
