import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { post } from '../../api/client.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { WORK_DIALOG } from './common.tsx';

// 交办 one task (an 整改事项 from an inspection, a 议定事项 from a meeting) to a unit: what, which unit, by when
// (a month from today unless changed). The caller lays out the fields; their names are fixed here.

interface Assignment {
  unitId: number;
  content: string;
  deadline: Dayjs;
}

export function AssignDialog({
  title,
  path,
  unitId,
  onClose,
  onDone,
  children,
}: {
  title: string;
  /** Where the task is posted. */
  path: string;
  /** The unit chosen at the start, if any. */
  unitId?: number;
  onClose: () => void;
  onDone: () => void;
  /** Form items named unitId, content and deadline. */
  children: ReactNode;
}) {
  const [form] = Form.useForm<Assignment>();
  async function save(v: Assignment) {
    await post(path, {
      unitId: v.unitId,
      content: v.content,
      deadline: v.deadline.format('YYYY-MM-DD'),
    });
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title={title}
      onCancel={onClose}
      okText="交办"
      {...WORK_DIALOG}
      save={save}
      initialValues={{ unitId, deadline: dayjs().add(30, 'day') }}
    >
      {children}
    </FormDialog>
  );
}
