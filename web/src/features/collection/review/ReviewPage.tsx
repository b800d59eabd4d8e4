import { Alert, Card, Space, Typography } from 'antd';
import type { RoundsResponse } from '../../../../../src/features/collection/contract.ts';
import { useApi } from '../../../api/useApi.ts';
import { DemoTag, useDemo } from '../common.tsx';
import { RoundsTable } from '../RoundsPage.tsx';
import { ReviewersOnly } from './common.tsx';

/** 数据审核: the rounds, with how many submissions wait for review. */
export default function ReviewPage() {
  return (
    <ReviewersOnly>
      <ReviewRounds />
    </ReviewersOnly>
  );
}

function ReviewRounds() {
  const demo = useDemo();
  const { data, loading, error } = useApi<RoundsResponse>('/rounds');
  const waiting = (data?.rounds ?? []).reduce((n, r) => n + r.counts.submitted, 0);
  return (
    <Card
      title={
        <Space>
          数据审核
          <DemoTag show={demo} />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {waiting > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`共有 ${waiting} 份报送待审核（状态为“已提交”）。`}
        />
      )}
      <RoundsTable rounds={data?.rounds ?? []} loading={loading} linkTo={(r) => `/review/rounds/${r.id}`} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        点击任务名称查看各单位、镇街的报送情况；待审核的排在前面。
      </Typography.Paragraph>
    </Card>
  );
}
