import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { StatFormApproval, StatFormReply } from '../../../../src/features/reports/contract.ts';
import { put } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';

/** 统计报表批准信息: what the statistics bureau's approval says; printed at the top right of every sheet. */
export function StatFormCard() {
  const { data, reload } = useApi<StatFormReply>('/reports/stat-form');
  const [form] = Form.useForm<StatFormApproval>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (data) form.setFieldsValue(data.statForm);
  }, [data, form]);

  const save = async (values: StatFormApproval) => {
    setSaving(true);
    try {
      await put<StatFormReply>('/reports/stat-form', values);
      message.success('已保存，下次生成统计报表时使用');
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="统计报表批准信息">
      <Typography.Paragraph type="secondary">
        按统计调查项目的批准（备案）文件填写，印在统计报表每张表的右上角；未填的项留空，供手工填写。
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={save}>
        <Form.Item name="approvedBy" label="批准机关">
          <Input style={{ width: 200 }} maxLength={50} placeholder="如：区统计局" />
        </Form.Item>
        <Form.Item name="approvalNo" label="批准文号">
          <Input style={{ width: 200 }} maxLength={50} placeholder="如：武统制〔2021〕5号" />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至">
          <Input style={{ width: 140 }} maxLength={20} placeholder="如：2026年12月" />
        </Form.Item>
        <Button htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
