import { App, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { CONTEXT_FIGURES, type ContextFigures } from '../../../../src/core/narrative/context.ts';
import type { ContextFiguresReply } from '../../../../src/features/reports/contract.ts';
import { put } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';

/**
 * 经济社会基本情况数据: a few figures from the statistics bulletins for the cycle's base year and final year, from
 * which the final evaluation report drafts its 经济社会基本情况. Two columns, one per year; on a phone the figure's
 * name stands above its two boxes.
 */
export function ContextFiguresCard() {
  const { data, reload } = useApi<ContextFiguresReply>('/reports/context-figures');
  const [form] = Form.useForm<ContextFigures>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (data) form.setFieldsValue(data.figures);
  }, [data, form]);

  const save = async (values: ContextFigures) => {
    setSaving(true);
    try {
      await put<ContextFiguresReply>('/reports/context-figures', {
        base: values.base ?? {},
        final: values.final ?? {},
        source: values.source ?? '',
      });
      message.success('已保存，再次打开终期评估报告草稿时按所填数据起草“经济社会基本情况”');
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const years = data ? ([data.baseYear, data.finalYear] as const) : undefined;
  return (
    <Card title="经济社会基本情况数据">
      <Typography.Paragraph type="secondary">
        按统计公报填写基期年和终期年的数据，终期评估报告的“经济社会基本情况”据此起草；只写入已填的数据，占比和增幅由系统计算。
      </Typography.Paragraph>
      {years && (
        <Form form={form} onFinish={save} style={{ maxWidth: 640 }}>
          <Row gutter={8} style={{ marginBottom: 8 }}>
            <Col xs={0} sm={10} />
            {years.map((y, i) => (
              <Col key={y} xs={12} sm={7}>
                <Typography.Text strong>
                  {y}年{i === 0 ? '（基期）' : ''}
                </Typography.Text>
              </Col>
            ))}
          </Row>
          {CONTEXT_FIGURES.map((f) => (
            <Row key={f.key} gutter={8} align="middle">
              <Col xs={24} sm={10} style={{ paddingBottom: 4 }}>
                {f.label}（{f.unit}）
              </Col>
              {(['base', 'final'] as const).map((which, i) => (
                <Col key={which} xs={12} sm={7}>
                  <Form.Item name={[which, f.key]} style={{ marginBottom: 8 }}>
                    <InputNumber
                      aria-label={`${years[i]}年${f.label}`}
                      min={0}
                      max={f.max}
                      {...(f.precision === 0 ? { precision: 0 } : {})}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          ))}
          <Form.Item name="source" label="数据来源">
            <Input maxLength={100} placeholder="如：区统计局统计公报" />
          </Form.Item>
          <Button htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}
