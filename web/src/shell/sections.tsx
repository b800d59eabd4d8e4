import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  EditOutlined,
  FileSearchOutlined,
  FileWordOutlined,
  HomeOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../../src/kernel/roles.ts';

/** The side menu: the sections of the system in the order of the yearly work. */
export interface Section {
  path: string;
  label: string;
  icon: ReactNode;
  /** One line on what the section is for, shown on the home page. */
  summary: string;
  /** Who sees the section in the menu (the server enforces the same on every route). Absent: everyone. */
  roles?: Role[];
}

export const SECTIONS: Section[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, summary: '' },
  {
    path: '/catalog',
    label: '规划目标',
    icon: <ProfileOutlined />,
    summary: '两个规划的领域、主要目标、策略措施和监测指标，每条可溯源到规划原文',
  },
  {
    path: '/collection',
    label: '数据填报',
    icon: <EditOutlined />,
    summary: '成员单位和镇街按年度填报监测数据、提交年度工作报告',
    roles: ['unit_reporter', 'unit_leader', 'town_reporter', 'office', 'statistics'],
  },
  {
    path: '/review',
    label: '数据审核',
    icon: <AuditOutlined />,
    summary: '统计局（监测组）审核各单位报送的数据，通过或退回',
    roles: ['statistics', 'office'],
  },
  { path: '/analysis', label: '监测分析', icon: <BarChartOutlined />, summary: '达标情况、趋势、分性别和分镇街差异' },
  {
    path: '/warnings',
    label: '预警督办',
    icon: <AlertOutlined />,
    summary: '预计达标困难、波动较大指标的预警，督办与整改',
    roles: ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'],
  },
  // 督导检查, 议事协调 and the one task list (issue 17).
  {
    path: '/tasks',
    label: '工作任务',
    icon: <CarryOutOutlined />,
    summary: '预警督办、督导检查整改事项和会议议定事项，一张清单跟踪到办结',
    roles: ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'],
  },
  {
    path: '/inspections',
    label: '督导检查',
    icon: <FileSearchOutlined />,
    summary: '检查计划、检查发现（含照片和文件）、整改事项',
    roles: ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'],
  },
  {
    path: '/meetings',
    label: '议事协调',
    icon: <TeamOutlined />,
    summary: '妇女儿童工作会、妇儿工委全体会议、联络员会议的议题、纪要和议定事项',
    roles: ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'],
  },
  {
    path: '/reports',
    label: '报告',
    icon: <FileWordOutlined />,
    summary: '年度和终期监测报告、评估报告、统计表',
    roles: ['office', 'statistics', 'district_leader'],
  },
  {
    path: '/admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    summary: '成员单位、镇街、用户、责任分工、规划管理、审计日志',
    roles: ['admin', 'office'],
  },
];

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((s) => !s.roles || s.roles.includes(role));
}
