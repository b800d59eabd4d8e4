import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Result, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SupervisionDetail, SupervisionStep } from '../../../../src/features/supervision/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { PageLoading } from '../../shell/PageLoading.tsx';
import { StatusTag, WarningTags, WarningWhy } from '../analysis/common.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { DeadlineItem, RequiredTextItem } from '../tasks/common.tsx';
import { StepField, StepTimeline } from '../tasks/StepTimeline.tsx';
import { AnswerDialog, isUnitRole, NoticeStatusTag, SUPERVISION_DIALOG } from './common.tsx';

const STEP_TITLES: Record<SupervisionStep['kind'], string> = {
  issue: '督办要求',
  answer: '整改情况',
  ask_again: '再次督办',
  close: '办结',
};

function StepBody({ step }: { step: SupervisionStep }) {
  const c = step.content;
  switch (step.kind) {
    case 'issue':
      return (
        <>
          <StepField label="督办要求">{c.requirement}</StepField>
          <StepField label="整改期限">{c.deadline}</StepField>
        </>
      );
    case 'answer':
      return (
        <>
          <StepField label="原因分析">{c.causes}</StepField>
          <StepField label="整改措施">{c.measures}</StepField>
          <StepField label="预期效果">{c.expectedEffect}</StepField>
        </>
      );
    case 'ask_again':
      return (
        <>
          <StepField label="再次督办意见">{c.comment}</StepField>
          <StepField label="新的整改期限">{c.deadline}</StepField>
        </>
      );
    case 'close':
      return <StepField label="办结意见">{c.comment || '（无）'}</StepField>;
  }
}

/** One 督办单 and its thread, with the actions the current role may take. */
export default function NoticePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<SupervisionDetail>(`/supervision/${encodeURIComponent(id)}`);
  const [dialog, setDialog] = useState<'answer' | 'close' | 'again'>();

  if (loading && !data) return <PageLoading />;
  if (!data) return <Result status="404" title="督办单不存在" subTitle={error?.message} />;
  const { notice: n, steps } = data;
  const office = user.role === 'office';
  const ownUnit = isUnitRole(user.role) && user.unitId === n.unitId;
  const done = (text: string) => {
    setDialog(undefined);
    message.success(text);
    reload();
  };

  const actions: ReactNode[] = [];
  if (office && n.status === 'answered') {
    actions.push(
      <Button key="close" type="primary" onClick={() => setDialog('close')}>
        办结
      </Button>,
      <Button key="again" danger onClick={() => setDialog('again')}>
        再次督办
      </Button>,
    );
  }
  if (ownUnit && n.status === 'issued') {
    actions.push(
      <Button key="answer" type="primary" onClick={() => setDialog('answer')}>
        反馈整改情况
      </Button>,
    );
  }
  const waitingFor =
    n.status === 'issued'
      ? `等待${n.unitName ?? '牵头单位'}在 ${n.deadline} 前反馈整改情况`
      : n.status === 'answered'
        ? '牵头单位已反馈，等待妇儿工委办公室审阅（办结或再次督办）'
        : '已办结';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Breadcrumb
        items={[
          { title: <Link to="/warnings">预警督办</Link> },
          { title: <Link to={`/warnings?tab=${isUnitRole(user.role) ? 'mine' : 'notices'}`}>督办单</Link> },
          { title: `督办单〔${n.id}〕` },
        ]}
      />
      <Card
        size="small"
        title={
          <Space>
            {`督办单〔${n.id}〕`}
            <NoticeStatusTag notice={n} />
          </Space>
        }
        extra={<Space>{actions}</Space>}
      >
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} styles={{ label: { width: 120 } }}>
          <Descriptions.Item label="指标" span={2}>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
              {n.indicatorCode}
            </Typography.Text>
            <Link to={`/analysis/indicators/${n.indicatorId}`}>{n.indicatorName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="牵头单位">{n.unitName}</Descriptions.Item>
          <Descriptions.Item label="整改期限">
            {n.overdue ? <Typography.Text type="danger">{n.deadline}（已逾期）</Typography.Text> : n.deadline}
          </Descriptions.Item>
          <Descriptions.Item label="督办时预警">
            {n.warning.kinds.length > 0 ? (
              <WarningTags kinds={n.warning.kinds} />
            ) : (
              <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                （发出时按初步数据已无预警）
              </Typography.Text>
            )}
            {n.warning.status && <StatusTag status={n.warning.status} />}
            {n.warning.year && <Typography.Text type="secondary">（{n.warning.year}年数据）</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="当前进展">{waitingFor}</Descriptions.Item>
          {n.warning.reasons.length > 0 && (
            <Descriptions.Item label="预警原因" span={2}>
              <WarningWhy summary={n.warning.summary} reasons={n.warning.reasons} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card size="small" title="督办往来">
        <StepTimeline
          testId="notice-timeline"
          steps={steps}
          titles={STEP_TITLES}
          time={formatBeijingTime}
          body={(s) => <StepBody step={s} />}
          next={n.status !== 'closed' ? <Typography.Text type="secondary">{waitingFor}</Typography.Text> : undefined}
        />
      </Card>

      {dialog === 'answer' && (
        <AnswerDialog open notice={n} onClose={() => setDialog(undefined)} onAnswered={() => done('整改情况已反馈')} />
      )}
      {dialog === 'close' && (
        <CloseDialog id={n.id} onClose={() => setDialog(undefined)} onDone={() => done('督办单已办结')} />
      )}
      {dialog === 'again' && (
        <AskAgainDialog id={n.id} onClose={() => setDialog(undefined)} onDone={() => done('已再次督办')} />
      )}
    </Space>
  );
}

function CloseDialog({ id, onClose, onDone }: { id: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ comment?: string }>();
  async function save(values: { comment?: string }) {
    await post(`/supervision/${id}/close`, { comment: values.comment ?? '' });
    onDone();
  }
  return (
    <FormDialog form={form} title="办结督办单" onCancel={onClose} okText="办结" {...SUPERVISION_DIALOG} save={save}>
      <Form.Item label="办结意见" name="comment">
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="整改到位，同意办结（可不填）" />
      </Form.Item>
    </FormDialog>
  );
}

function AskAgainDialog({ id, onClose, onDone }: { id: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ comment: string; deadline: Dayjs }>();
  async function save(values: { comment: string; deadline: Dayjs }) {
    await post(`/supervision/${id}/ask-again`, {
      comment: values.comment,
      deadline: values.deadline.format('YYYY-MM-DD'),
    });
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title="再次督办"
      onCancel={onClose}
      okText="再次督办"
      okButtonProps={{ danger: true }}
      {...SUPERVISION_DIALOG}
      save={save}
      initialValues={{ deadline: dayjs().add(30, 'day') }}
    >
      <RequiredTextItem label="再次督办意见" name="comment">
        <Input.TextArea rows={3} maxLength={4000} showCount placeholder="整改措施不到位之处及进一步要求" />
      </RequiredTextItem>
      <DeadlineItem label="新的整改期限" message="请选择整改期限" />
    </FormDialog>
  );
}
