import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type KeyboardEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  MEETING_KIND_LABELS,
  type MeetingKind,
  type RecordMeetingResult,
} from '../../../../src/features/meetings/contract.ts';
import { post } from '../../api/client.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { applyServerError, ErrorAlert, LinkSelect, notBeforeToday, toLinks, UnitSelect } from '../tasks/common.tsx';

interface Values {
  kind: MeetingKind;
  title: string;
  heldOn: Dayjs;
  place?: string;
  host?: string;
  unitIds?: number[];
  attendeePeople?: string;
  agenda?: { title: string; links?: string[] }[];
  minutes?: string;
  decisions?: { content: string; unitId: number; deadline: Dayjs }[];
}

/** 记录会议: attendees, agenda linked to goals, indicators, warnings or 督办, minutes, and decisions as tasks. */
export default function MeetingFormPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (user.role !== 'office') return null;
  // Saving notifies the units, so only 保存并通知 saves: Enter in a one-line field (confirming a typed date, picking a
  // unit) would otherwise submit the form half filled in. Pickers and text areas have already had the key by now.
  function noEnterSubmit(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  }
  async function submit(v: Values) {
    setBusy(true);
    setError(undefined);
    try {
      const res = await post<RecordMeetingResult>('/meetings', {
        kind: v.kind,
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        place: v.place ?? '',
        host: v.host ?? '',
        unitIds: v.unitIds ?? [],
        attendeePeople: v.attendeePeople ?? '',
        agenda: (v.agenda ?? []).map((a) => ({ title: a.title, links: toLinks(a.links) })),
        minutes: v.minutes ?? '',
        decisions: (v.decisions ?? []).map((d) => ({
          content: d.content,
          unitId: d.unitId,
          deadline: d.deadline.format('YYYY-MM-DD'),
        })),
      });
      message.success(
        `会议已记录，已通知出席单位和责任单位${res.robot.status === 'sent' ? '，群机器人已发送' : res.robot.status === 'failed' ? `；群机器人发送失败：${res.robot.message}` : ''}`,
      );
      navigate(`/meetings/${res.meeting.id}`);
    } catch (e) {
      setError(applyServerError(form, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Breadcrumb items={[{ title: <Link to="/meetings">议事协调</Link> }, { title: '记录会议' }]} />
      <Card size="small" title="记录会议">
        <ErrorAlert message={error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onKeyDown={noEnterSubmit}
          initialValues={{ kind: 'liaison', heldOn: dayjs() }}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="会议类型" name="kind" rules={[{ required: true }]}>
                <Select options={Object.entries(MEETING_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                label="会议名称"
                name="title"
                rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
              >
                <Input maxLength={200} placeholder="如：2025年第四季度联络员会议" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="地点" name="place">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="主持人" name="host">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="出席单位" name="unitIds">
            <UnitSelect multiple />
          </Form.Item>
          <Form.Item label="其他出席人员" name="attendeePeople">
            <Input maxLength={2000} placeholder="如：区政府分管副区长、区妇儿工委副主任" />
          </Form.Item>
          <Form.List name="agenda">
            {(fields, { add, remove }) => (
              <Form.Item label="议题">
                {/* On a phone (about 350 px of form) these bases keep each remove button on its row's last line. */}
                {fields.map((field, i) => (
                  <Row key={field.key} gutter={8} align="top">
                    <Col flex="1 1 300px">
                      <Form.Item
                        name={[field.name, 'title']}
                        rules={[{ required: true, whitespace: true, message: '请填写议题' }]}
                      >
                        <Input aria-label={`议题 ${i + 1}`} placeholder={`议题 ${i + 1}`} maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col flex="1 1 300px">
                      <Form.Item name={[field.name, 'links']}>
                        <LinkSelect kinds={['goal', 'indicator', 'warning', 'supervision']} />
                      </Form.Item>
                    </Col>
                    <Col flex="none">
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label="删除议题"
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ title: '', links: [] })}>
                  添加议题
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <Form.Item label="会议主要内容（纪要正文，每段一行）" name="minutes">
            <Input.TextArea rows={6} maxLength={20_000} showCount />
          </Form.Item>
          <Form.List name="decisions">
            {(fields, { add, remove }) => (
              <Form.Item label="议定事项（每项交办给一个责任单位，按期限跟踪办结）">
                {/* On a phone the content takes a line; unit, deadline and remove button share the next. */}
                {fields.map((field, i) => (
                  <Row key={field.key} gutter={8} align="top" data-testid="decision-row">
                    <Col flex="3 1 360px">
                      <Form.Item
                        name={[field.name, 'content']}
                        rules={[{ required: true, whitespace: true, message: '请填写议定事项' }]}
                      >
                        <Input.TextArea
                          rows={1}
                          autoSize
                          aria-label={`议定事项 ${i + 1}`}
                          placeholder={`议定事项 ${i + 1}`}
                          maxLength={2000}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="1 1 150px">
                      <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: '请选择责任单位' }]}>
                        <UnitSelect aria-label="责任单位" />
                      </Form.Item>
                    </Col>
                    <Col flex="0 0 160px">
                      <Form.Item name={[field.name, 'deadline']} rules={[{ required: true, message: '请选择期限' }]}>
                        <DatePicker placeholder="完成期限" disabledDate={notBeforeToday} />
                      </Form.Item>
                    </Col>
                    <Col flex="none">
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label="删除议定事项"
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ deadline: dayjs().add(30, 'day') })}>
                  添加议定事项
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存并通知
            </Button>
            <Button onClick={() => navigate('/meetings')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
