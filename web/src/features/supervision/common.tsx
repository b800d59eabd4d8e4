import { Alert, Form, Input, Typography } from 'antd';
import type { FormInstance } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type {
  SupervisionDetail,
  SupervisionNotice,
  SupervisionResponse,
} from '../../../../src/features/supervision/contract.ts';
import type { Role } from '../../../../src/kernel/roles.ts';
import { ApiError, post } from '../../api/client.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { useBasis, WarningWhy } from '../analysis/common.tsx';
import { DeadlineItem, RequiredTextItem, TaskStatusTag } from '../tasks/common.tsx';

// What the 预警督办 pages share: status tags, the 发起督办 dialog, the 反馈整改情况 form, server errors shown at
// their fields. The API's shapes are in src/features/supervision/contract.ts.

/** A notice is a 预警督办 task, and its status reads like one: 待整改, 已反馈, 已办结, and 逾期 when late. */
export function NoticeStatusTag({ notice }: { notice: Pick<SupervisionNotice, 'status'> & { overdue: boolean } }) {
  return <TaskStatusTag task={{ status: notice.status, overdue: notice.overdue, source: 'supervision' }} />;
}

export const isUnitRole = (role: Role) => role === 'unit_reporter' || role === 'unit_leader';
/** Roles the server lets read 督办单 (GET /api/supervision). */
export const canReadNotices = (role: Role) =>
  role === 'office' || role === 'statistics' || role === 'district_leader' || isUnitRole(role);

/** Puts the server's field problems at the form's fields; returns the message for the dialog's alert. */
export function applyServerError(form: FormInstance, error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.entries(error.fields).map(([name, message]) => ({ name, errors: [message] }));
    if (fields.length) form.setFields(fields);
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The 预警督办 pages' way with a FormDialog: errors as applyServerError shows them. */
export const SUPERVISION_DIALOG = { explain: applyServerError, alertGap: 12 };

interface IssueValues {
  requirement: string;
  deadline: Dayjs;
}

/** 发起督办: the office sends a notice to the indicator's lead unit. */
export function IssueDialog({
  indicator,
  open,
  onClose,
  onIssued,
}: {
  indicator: {
    id: number;
    code: string;
    name: string;
    leadUnit: { name: string } | null;
    summary?: string;
    reasons?: string[];
  };
  open: boolean;
  onClose: () => void;
  onIssued: (notice: SupervisionNotice) => void;
}) {
  const [form] = Form.useForm<IssueValues>();
  // The notice records the warning as the office saw it, on the 口径 of the page it was issued from.
  const [basis] = useBasis();

  async function save(values: IssueValues) {
    const { notice } = await post<SupervisionResponse>('/supervision', {
      indicatorId: indicator.id,
      requirement: values.requirement,
      deadline: values.deadline.format('YYYY-MM-DD'),
      basis,
    });
    onIssued(notice);
  }

  return (
    <FormDialog<IssueValues>
      form={form}
      title="发起督办"
      open={open}
      onCancel={onClose}
      okText="发出督办单"
      width={600}
      {...SUPERVISION_DIALOG}
      save={save}
      initialValues={{ deadline: dayjs().add(30, 'day') }}
      above={
        <>
          <Typography.Paragraph style={{ marginBottom: 12 }}>
            指标：
            <Typography.Text strong>
              {indicator.code} {indicator.name}
            </Typography.Text>
            <br />
            督办对象（牵头单位）：
            {indicator.leadUnit?.name ?? <Typography.Text type="danger">尚未确定</Typography.Text>}
          </Typography.Paragraph>
          {indicator.reasons && indicator.reasons.length > 0 && (
            <Alert
              type="warning"
              style={{ marginBottom: 12 }}
              title="预警原因"
              description={<WarningWhy summary={indicator.summary} reasons={indicator.reasons} />}
            />
          )}
        </>
      }
    >
      <RequiredTextItem label="督办要求" name="requirement">
        <Input.TextArea rows={4} maxLength={4000} showCount placeholder="请牵头单位分析原因、制定整改措施并按期反馈" />
      </RequiredTextItem>
      <DeadlineItem label="整改期限" message="请选择整改期限" placeholder="选择整改期限" />
    </FormDialog>
  );
}

interface AnswerValues {
  causes: string;
  measures: string;
  expectedEffect: string;
}

/** 反馈整改情况: the lead unit answers with causes, measures and the expected effect. */
export function AnswerDialog({
  notice,
  open,
  onClose,
  onAnswered,
}: {
  notice: Pick<SupervisionDetail['notice'], 'id' | 'indicatorCode' | 'indicatorName' | 'requirement' | 'deadline'>;
  open: boolean;
  onClose: () => void;
  onAnswered: () => void;
}) {
  const [form] = Form.useForm<AnswerValues>();

  async function save(values: AnswerValues) {
    await post(`/supervision/${notice.id}/answer`, values);
    onAnswered();
  }

  return (
    <FormDialog<AnswerValues>
      form={form}
      title="反馈整改情况"
      open={open}
      onCancel={onClose}
      okText="提交反馈"
      width={680}
      {...SUPERVISION_DIALOG}
      save={save}
      above={
        <Typography.Paragraph style={{ marginBottom: 12 }}>
          指标：
          <Typography.Text strong>
            {notice.indicatorCode} {notice.indicatorName}
          </Typography.Text>
          ；整改期限 {notice.deadline}
          <br />
          <Typography.Text type="secondary">督办要求：{notice.requirement}</Typography.Text>
        </Typography.Paragraph>
      }
    >
      <RequiredTextItem label="原因分析" name="causes">
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </RequiredTextItem>
      <RequiredTextItem label="整改措施" name="measures">
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </RequiredTextItem>
      <RequiredTextItem label="预期效果" name="expectedEffect">
        <Input.TextArea rows={2} maxLength={4000} showCount />
      </RequiredTextItem>
    </FormDialog>
  );
}
