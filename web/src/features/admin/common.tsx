import { Alert, Form, type FormInstance, Input, Result } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../../../src/kernel/roles.ts';
import { ApiError } from '../../api/client.ts';
import { useUser } from '../auth/AuthContext.tsx';

// Shared pieces of the 系统管理 pages: who may open which page (the server enforces the same on every route),
// and server errors shown on the form.

export const USER_ADMINS: Role[] = ['admin'];
export const ORG_MANAGERS: Role[] = ['office', 'admin'];
export const AUDITORS: Role[] = ['admin', 'office'];
/** The other engineer's 责任分工 page (/admin/responsibility) is for the office and the administrator. */
export const RESPONSIBILITY_MANAGERS: Role[] = ['office', 'admin'];
/** 规划管理 (upload, curate, export and publish plan drafts): the same two roles as the server's routes. */
export const PLAN_MANAGERS: Role[] = ['office', 'admin'];

/** Renders the page only for the roles that may use it; others see a plain refusal instead of failed requests. */
export function RequireRoles({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useUser();
  if (!roles.includes(user.role)) {
    return <Result status="403" title="无权访问" subTitle={`您的角色（${user.roleLabel}）不能使用此页面。`} />;
  }
  return <>{children}</>;
}

/**
 * Shows a failed request: field problems go onto the form's fields, the message is returned for an Alert.
 * `names` maps server field names to form field names where they differ.
 */
export function applyError(error: unknown, form?: FormInstance, names: Record<string, string> = {}): string {
  if (!(error instanceof ApiError)) return '操作失败，请稍后再试';
  if (form) {
    // Several problems with one field (e.g. the password policy) arrive as several entries: show them all.
    const byField = new Map<string, string[]>();
    for (const f of (error.body.fields ?? []) as { field: string; message: string }[]) {
      const field = f.field.replace(/^(body|query|params)\./, '');
      const name = names[field] ?? field;
      byField.set(name, [...(byField.get(name) ?? []), f.message]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  }
  return error.message;
}

/** The admin pages' way with a FormDialog: errors as applyError shows them, spaced like ErrorAlert. */
export const ADMIN_DIALOG = {
  explain: (form: FormInstance, error: unknown) => applyError(error, form),
  alertGap: 16,
};

/** The code and name of a 镇街 or a unit: the code is fixed once created, so it is shown but not editable then. */
export function CodeAndNameItems({ existing, example }: { existing: boolean; example: string }) {
  return (
    <>
      <Form.Item
        label="代码"
        name="code"
        extra={existing ? '代码创建后不能修改' : `字母、数字、下划线或连字符，如 ${example}`}
        rules={[{ required: true, message: '请输入代码' }]}
      >
        <Input disabled={existing} maxLength={32} />
      </Form.Item>
      <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}>
        <Input maxLength={50} />
      </Form.Item>
    </>
  );
}

export function ErrorAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />;
}
