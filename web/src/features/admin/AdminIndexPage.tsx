import {
  ApartmentOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  ReadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../../../src/kernel/roles.ts';
import { useUser } from '../auth/AuthContext.tsx';
import {
  AUDITORS,
  ORG_MANAGERS,
  PLAN_MANAGERS,
  RESPONSIBILITY_MANAGERS,
  RequireRoles,
  USER_ADMINS,
} from './common.tsx';

interface AdminCard {
  path: string;
  title: string;
  icon: ReactNode;
  summary: string;
  roles: Role[];
}

const CARDS: AdminCard[] = [
  {
    path: '/admin/units',
    title: '成员单位',
    icon: <ApartmentOutlined />,
    summary: '区妇儿工委成员单位名单、联络员和电话；确认默认名单，新增或停用单位',
    roles: ORG_MANAGERS,
  },
  {
    path: '/admin/areas',
    title: '镇街',
    icon: <EnvironmentOutlined />,
    summary: '街道和镇的名单，分镇街填报和分析使用',
    roles: ORG_MANAGERS,
  },
  {
    path: '/admin/users',
    title: '用户',
    icon: <TeamOutlined />,
    summary: '账号、角色和所属单位或镇街；停用、重置密码、解锁',
    roles: USER_ADMINS,
  },
  {
    path: '/admin/responsibility',
    title: '责任分工',
    icon: <NodeIndexOutlined />,
    summary: '目标管理责任制：每项指标、策略措施的牵头单位和配合单位',
    roles: RESPONSIBILITY_MANAGERS,
  },
  {
    path: '/admin/plans',
    title: '规划管理',
    icon: <ReadOutlined />,
    summary: '上传新一轮规划的正文，整理候选监测指标，校验后导出规划目录或发布为新的规划周期',
    roles: PLAN_MANAGERS,
  },
  {
    path: '/admin/audit',
    title: '审计日志',
    icon: <FileSearchOutlined />,
    summary: '登录、修改、下载等操作记录，可筛选和导出 Excel',
    roles: AUDITORS,
  },
  {
    path: '/admin/webhook',
    title: '催报提醒',
    icon: <NotificationOutlined />,
    summary: '截止日期前后的站内提醒，以及企业微信、钉钉群机器人推送设置',
    roles: ['office'],
  },
];

export default function AdminIndexPage() {
  const user = useUser();
  return (
    <RequireRoles roles={[...new Set(CARDS.flatMap((c) => c.roles))]}>
      <Typography.Title level={3}>系统管理</Typography.Title>
      <Row gutter={[16, 16]}>
        {CARDS.filter((c) => c.roles.includes(user.role)).map((c) => (
          <Col key={c.path} xs={24} md={12} xl={8}>
            <Link to={c.path}>
              <Card
                hoverable
                title={
                  <span>
                    {c.icon} {c.title}
                  </span>
                }
              >
                {c.summary}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </RequireRoles>
  );
}
