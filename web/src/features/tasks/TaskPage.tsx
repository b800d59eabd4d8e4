import { App, Breadcrumb, Button, Card, Descriptions, Form, Input, Result, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TaskDetail, TaskStep } from '../../../../src/features/tasks/contract.ts';
import { post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import {
  DeadlineItem,
  fmtTime,
  isUnitRole,
  RequiredTextItem,
  SourceTag,
  TaskStatusTag,
  WORK_DIALOG,
} from './common.tsx';
import { StepField, StepTimeline } from './StepTimeline.tsx';

const STEP_TITLES = { issue: '交办', answer: '办理情况', ask_again: '再次督办', close: '验收办结' } as const;

function StepBody({ step }: { step: TaskStep }) {
  const c = step.content;
  const line = (label: string, text?: string) => (text ? <StepField label={label}>{text}</StepField> : null);
  switch (step.kind) {
    case 'issue':
      return (
        <>
          {line('任务内容', c.content)}
          {line('办理期限', c.deadline)}
        </>
      );
    case 'answer':
      return line('办理情况', c.report);
    case 'ask_again':
      return (
        <>
          {line('再次督办意见', c.comment)}
          {line('新的期限', c.deadline)}
        </>
      );
    case 'close':
      return line('办结意见', c.comment || '（无）');
  }
}

type Dialog = 'answer' | 'close' | 'again';

/** One 整改 item or meeting decision, its thread, and what the current user may do with it. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<TaskDetail>(`/tasks/${encodeURIComponent(id)}`);
  const [dialog, setDialog] = useState<Dialog>();
  if (loading && !data) return <PageLoading />;
  if (!data) return <Result status="404" title="任务不存在" subTitle={error?.message} />;
  const { task: t, steps } = data;
  const decision = t.kind === 'decision';
  const office = user.role === 'office';
  const own = isUnitRole(user.role) && user.unitId === t.unitId;
  const actions: ReactNode[] = [];
  if (own && t.status === 'issued')
    actions.push(
      <Button key="answer" type="primary" onClick={() => setDialog('answer')}>
        {decision ? '反馈落实情况并办结' : '反馈整改情况'}
      </Button>,
    );
  if (office && !decision && t.status === 'answered')
    actions.push(
      <Button key="close" type="primary" onClick={() => setDialog('close')}>
        验收办结
      </Button>,
    );
  if (office && t.status === (decision ? 'closed' : 'answered'))
    actions.push(
      <Button key="again" danger onClick={() => setDialog('again')}>
        再次督办
      </Button>,
    );
  const waiting =
    t.status === 'issued'
      ? `等待${t.unitName}在 ${t.deadline} 前反馈${decision ? '落实' : '整改'}情况`
      : t.status === 'answered'
        ? '责任单位已反馈，等待妇儿工委办公室验收（办结或再次督办）'
        : '已办结';
  const done = (text: string) => {
    setDialog(undefined);
    message.success(text);
    reload();
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Breadcrumb
        items={[
          { title: <Link to="/tasks">工作任务</Link> },
          { title: <Link to={data.originPath}>{t.origin}</Link> },
          { title: `${decision ? '议定事项' : '整改事项'}〔${t.id}〕` },
        ]}
      />
      <Card
        size="small"
        title={
          <Space>
            <SourceTag source={t.source} />
            {`${decision ? '议定事项' : '整改事项'}〔${t.id}〕`}
            <TaskStatusTag task={t} />
          </Space>
        }
        extra={<Space>{actions}</Space>}
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} styles={{ label: { width: 120 } }}>
          <Descriptions.Item label="事项" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{t.content}</span>
          </Descriptions.Item>
          {data.findingText && (
            <Descriptions.Item label="检查发现" span={2}>
              {data.findingText}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="来源">
            <Link to={data.originPath}>{t.origin}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="责任单位">{t.unitName}</Descriptions.Item>
          <Descriptions.Item label="办理期限">
            {t.overdue ? <Typography.Text type="danger">{t.deadline}（已逾期）</Typography.Text> : t.deadline}
          </Descriptions.Item>
          <Descriptions.Item label="当前进展">{waiting}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="办理往来">
        <StepTimeline
          steps={steps}
          titles={STEP_TITLES}
          time={fmtTime}
          body={(s) => <StepBody step={s} />}
          next={t.status !== 'closed' ? waiting : undefined}
        />
      </Card>
      {dialog && (
        <StepDialog
          kind={dialog}
          decision={decision}
          id={t.id}
          onClose={() => setDialog(undefined)}
          onDone={() =>
            done(
              dialog === 'answer'
                ? decision
                  ? '已反馈并办结'
                  : '整改情况已反馈'
                : dialog === 'close'
                  ? '已办结'
                  : '已再次督办',
            )
          }
        />
      )}
    </Space>
  );
}

function StepDialog({
  kind,
  decision,
  id,
  onClose,
  onDone,
}: {
  kind: Dialog;
  decision: boolean;
  id: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const titles = {
    answer: decision ? '反馈落实情况' : '反馈整改情况',
    close: '验收办结',
    again: '再次督办',
  };
  async function save(values: { report?: string; comment?: string; deadline?: Dayjs }) {
    if (kind === 'answer') await post(`/tasks/${id}/answer`, { report: values.report });
    else if (kind === 'close') await post(`/tasks/${id}/close`, { comment: values.comment ?? '' });
    else
      await post(`/tasks/${id}/ask-again`, {
        comment: values.comment,
        deadline: values.deadline?.format('YYYY-MM-DD'),
      });
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title={titles[kind]}
      onCancel={onClose}
      okText={kind === 'answer' ? '提交' : titles[kind]}
      okButtonProps={{ danger: kind === 'again' }}
      {...WORK_DIALOG}
      save={save}
      initialValues={{ deadline: dayjs().add(30, 'day') }}
    >
      {kind === 'answer' && (
        <RequiredTextItem
          label="办理情况"
          name="report"
          extra={decision ? '提交后该议定事项即办结；如未落实到位，妇儿工委办公室可再次督办。' : undefined}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount placeholder="采取的措施、取得的成效" />
        </RequiredTextItem>
      )}
      {kind === 'close' && (
        <Form.Item label="办结意见" name="comment">
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="整改到位，同意办结（可不填）" />
        </Form.Item>
      )}
      {kind === 'again' && (
        <>
          <RequiredTextItem label="再次督办意见" name="comment">
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </RequiredTextItem>
          <DeadlineItem label="新的期限" message="请选择期限" />
        </>
      )}
    </FormDialog>
  );
}
