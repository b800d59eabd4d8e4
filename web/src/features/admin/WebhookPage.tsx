import { Alert, App, Button, Card, Form, Input, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type {
  UnitWebhook,
  UnitWebhooks,
  WebhookReply,
  WebhookResult,
  WebhookSettings,
} from '../../../../src/features/notices/contract.ts';
import type { ListedUnit, UnitList } from '../../../../src/features/organisation/contract.ts';
import { ApiError, post, put } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { applyError, ErrorAlert, RequireRoles } from './common.tsx';

/** 催报群机器人 (/admin/webhook): where the daily reminder summary is posted; the office sets and tests it. */
export default function WebhookPage() {
  return (
    <RequireRoles roles={['office']}>
      <WebhookCard />
      <UnitRobots />
    </RequireRoles>
  );
}

function WebhookCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookSettings>();
  const { data, reload } = useApi<WebhookReply>('/settings/webhook');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<WebhookResult>();

  useEffect(() => {
    if (data) form.setFieldsValue(data.webhook);
  }, [data, form]);

  async function save(values: WebhookSettings) {
    setSaving(true);
    setError(undefined);
    try {
      await put('/settings/webhook', { ...values, url: values.url?.trim() ?? '' });
      message.success('已保存');
      reload();
    } catch (e) {
      setError(applyError(e, form));
    } finally {
      setSaving(false);
    }
  }

  async function test() {
    const values = form.getFieldsValue();
    setTesting(true);
    setTestResult(undefined);
    setError(undefined);
    try {
      const url = values.url?.trim();
      setTestResult(await post<WebhookResult>('/settings/webhook/test', url ? { url, kind: values.kind } : {}));
    } catch (e) {
      setError(applyError(e, form));
    } finally {
      setTesting(false);
    }
  }

  return (
    <Card title="催报群机器人" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">
        填报截止前 7 天、1
        天和逾期后每天，系统给尚未提交的单位和镇街发送站内通知；启用后，同时向企业微信或钉钉群机器人发送一条汇总消息。
        机器人地址在群设置的“群机器人”中添加后获得。
      </Typography.Paragraph>
      <ErrorAlert message={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ kind: 'wecom', enabled: false, url: '' }}
      >
        <Form.Item name="kind" label="机器人类型">
          <Select
            style={{ width: 200 }}
            options={[
              { value: 'wecom', label: '企业微信' },
              { value: 'dingtalk', label: '钉钉' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="url"
          label="Webhook 地址"
          extra="以 https:// 开头，例如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
        >
          <Input placeholder="https://…" allowClear />
        </Form.Item>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => void test()} loading={testing}>
            发送测试消息
          </Button>
        </Space>
      </Form>
      {testResult && (
        <Alert
          style={{ marginTop: 16 }}
          type={testResult.ok ? 'success' : 'error'}
          showIcon
          title={testResult.ok ? '测试消息已发送，请到群里查看' : `发送失败：${testResult.message}`}
        />
      )}
    </Card>
  );
}

/** 单位群机器人: a member unit's own group, where 催报 for that unit is sent (instead of the office's group). */
function UnitRobots() {
  const { message } = App.useApp();
  const units = useApi<UnitList>('/org/units');
  const robots = useApi<UnitWebhooks>('/settings/unit-webhooks');
  const [edits, setEdits] = useState<Record<number, UnitWebhook>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const members = (units.data?.units ?? []).filter((u) => u.kind === 'member' && u.active);
  const current = (id: number): UnitWebhook =>
    edits[id] ?? robots.data?.webhooks[String(id)] ?? { url: '', kind: 'wecom' };
  async function save(unit: ListedUnit) {
    try {
      await put(`/settings/unit-webhooks/${unit.id}`, current(unit.id));
      setErrors((e) => ({ ...e, [unit.id]: '' }));
      message.success(`${unit.name}的群机器人已保存`);
      robots.reload();
    } catch (e) {
      const text = e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : '保存失败';
      setErrors((x) => ({ ...x, [unit.id]: text }));
    }
  }
  return (
    <Card title="单位群机器人（可选）" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        设置了群机器人的成员单位，催报消息直接发到本单位的工作群；未设置的单位，催报汇总发到上方的工作群。
      </Typography.Paragraph>
      <Table<ListedUnit>
        size="small"
        rowKey="id"
        loading={units.loading || robots.loading}
        dataSource={members}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '成员单位', dataIndex: 'name', width: 180 },
          {
            title: '类型',
            width: 120,
            render: (_, u) => (
              <Select
                aria-label={`${u.name} 机器人类型`}
                value={current(u.id).kind}
                style={{ width: 100 }}
                options={[
                  { value: 'wecom', label: '企业微信' },
                  { value: 'dingtalk', label: '钉钉' },
                ]}
                onChange={(kind) => setEdits((e) => ({ ...e, [u.id]: { ...current(u.id), kind } }))}
              />
            ),
          },
          {
            title: '机器人地址（Webhook）',
            render: (_, u) => (
              <div>
                <Input
                  aria-label={`${u.name} 机器人地址`}
                  value={current(u.id).url}
                  placeholder="未设置"
                  status={errors[u.id] ? 'error' : undefined}
                  onChange={(e) => setEdits((x) => ({ ...x, [u.id]: { ...current(u.id), url: e.target.value } }))}
                  style={{ minWidth: 280 }}
                />
                {errors[u.id] && <div style={{ color: '#cf1322', fontSize: 12 }}>{errors[u.id]}</div>}
              </div>
            ),
          },
          {
            title: '操作',
            width: 80,
            render: (_, u) => (
              <Button size="small" disabled={!edits[u.id]} onClick={() => void save(u)}>
                保存
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
