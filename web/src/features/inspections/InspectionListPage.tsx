import { App, Button, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InspectionRow } from '../../../../src/features/inspections/contract.ts';
import type { AreaList } from '../../../../src/features/organisation/contract.ts';
import { post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FormDialog } from '../../shell/FormDialog.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import {
  isUnitRole,
  LinkSelect,
  RequiredTextItem,
  taskProgress,
  toLinks,
  UnitSelect,
  WORK_DIALOG,
} from '../tasks/common.tsx';
import { WorkList } from '../tasks/WorkList.tsx';

/** 督导检查: the inspections (a unit: those it was inspected in), and for the office a 制定检查计划 button. */
export default function InspectionListPage() {
  const user = useUser();
  const { data, loading } = useApi<{ inspections: InspectionRow[] }>('/inspections');
  const [planning, setPlanning] = useState(false);
  const rows = data?.inspections ?? [];
  return (
    <WorkList<InspectionRow>
      title="督导检查"
      subtitle={
        isUnitRole(user.role)
          ? '本单位接受的督导检查、检查发现和整改事项'
          : '定期对规划实施情况开展督查：检查计划、检查发现、整改落实'
      }
      action={
        user.role === 'office' && (
          <Button type="primary" onClick={() => setPlanning(true)}>
            制定检查计划
          </Button>
        )
      }
      rows={rows}
      loading={loading}
      emptyText="暂无督导检查"
      columns={[
        { title: '年度', dataIndex: 'year', width: 70 },
        { title: '检查名称', key: 'title', render: (_, r) => <Link to={`/inspections/${r.id}`}>{r.title}</Link> },
        { title: '时间', key: 'dates', width: 200, render: (_, r) => `${r.startDate} 至 ${r.endDate}` },
        {
          title: '被检查单位',
          key: 'targets',
          render: (_, r) => r.targets.map((t) => <Tag key={t}>{t}</Tag>),
        },
        { title: '检查发现', dataIndex: 'findings', width: 90 },
        {
          title: '整改事项',
          key: 'tasks',
          width: 130,
          render: (_, r) => taskProgress(r.tasks, r.openTasks),
        },
      ]}
    >
      {planning && <PlanDialog onClose={() => setPlanning(false)} />}
    </WorkList>
  );
}

interface PlanValues {
  title: string;
  dates: [Dayjs, Dayjs];
  inspectors: string;
  focus?: string;
  unitIds?: number[];
  areaIds?: number[];
  links?: string[];
}

function PlanDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<PlanValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: areas } = useApi<AreaList>('/org/areas');
  async function save(v: PlanValues) {
    const res = await post<{ inspection: { id: number } }>('/inspections', {
      title: v.title,
      startDate: v.dates[0].format('YYYY-MM-DD'),
      endDate: v.dates[1].format('YYYY-MM-DD'),
      inspectors: v.inspectors,
      focus: v.focus ?? '',
      unitIds: v.unitIds ?? [],
      areaIds: v.areaIds ?? [],
      links: toLinks(v.links),
    });
    message.success('检查计划已制定，已通知被检查单位');
    navigate(`/inspections/${res.inspection.id}`);
  }
  return (
    <FormDialog
      form={form}
      title="制定检查计划"
      width={720}
      onCancel={onClose}
      okText="保存"
      {...WORK_DIALOG}
      save={save}
    >
      <RequiredTextItem label="检查名称" name="title">
        <Input maxLength={200} placeholder="如：2025年度妇女儿童发展规划实施情况督导检查" />
      </RequiredTextItem>
      <Form.Item label="检查时间" name="dates" rules={[{ required: true, message: '请选择检查时间' }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <RequiredTextItem label="检查人员" name="inspectors">
        <Input maxLength={1000} placeholder="如：区妇儿工委办公室 张三、李四；区统计局 王五" />
      </RequiredTextItem>
      <Form.Item label="被检查成员单位" name="unitIds">
        <UnitSelect multiple />
      </Form.Item>
      <Form.Item label="被检查镇街" name="areaIds">
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={(areas?.areas ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Form.Item label="关联的主要目标、策略措施和监测指标" name="links">
        <LinkSelect kinds={['goal', 'measure', 'indicator']} />
      </Form.Item>
      <Form.Item label="检查重点" name="focus">
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
    </FormDialog>
  );
}
