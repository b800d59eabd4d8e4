import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { sectionsFor } from '../../shell/sections.tsx';
import { useSite } from '../../shell/site.ts';
import { useUser } from '../auth/AuthContext.tsx';

export default function HomePage() {
  const { systemName, site, health } = useSite();
  const user = useUser();
  return (
    <div>
      <Typography.Title level={3}>{systemName}</Typography.Title>
      <Typography.Paragraph type="secondary">
        依据{(site?.planTitles ?? []).map((t) => `《${t}》`).join('')}“组织实施”“监测评估”部分，
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
