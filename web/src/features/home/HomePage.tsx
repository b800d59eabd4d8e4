import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import type { Health } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { SYSTEM_NAME } from '../../shell/AppLayout.tsx';
import { sectionsFor } from '../../shell/sections.tsx';
import { useUser } from '../auth/AuthContext.tsx';

export default function HomePage() {
  const { data: health } = useApi<Health>('/health');
  const user = useUser();
  return (
    <div>
      <Typography.Title level={3}>{SYSTEM_NAME}</Typography.Title>
      <Typography.Paragraph type="secondary">
        依据《天津市武清区妇女发展“十四五”规划》《天津市武清区儿童发展“十四五”规划》第三、四部分“组织实施”“监测评估”，
        支撑区妇儿工委办公室、统计局（监测组）和各成员单位完成年度监测、终期评估、预警督办和报告编写。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {sectionsFor(user.role)
          .filter((s) => s.path !== '/')
          .map((s) => (
            <Col key={s.path} xs={24} md={12} xl={8}>
              <Link to={s.path}>
                <Card
                  hoverable
                  title={
                    <span>
                      {s.icon} {s.label}
                    </span>
                  }
                >
                  {s.summary}
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
      {health && (
        <Card size="small" style={{ marginTop: 16 }} title="系统状态">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="版本">{health.version}</Descriptions.Item>
            <Descriptions.Item label="数据库">
              {health.engine === 'pglite' ? '嵌入式（PGlite）' : 'PostgreSQL 服务器'}
            </Descriptions.Item>
            <Descriptions.Item label="迁移级别">
              {health.migrationLevel} / {health.migrationsAvailable}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </div>
  );
}
