import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SearchResponse, SearchResult } from '../../../../src/features/catalog/contract.ts';
import { ApiError, api } from '../../api/client.ts';
import { MARK_STYLE, SOURCE_KIND_LABELS } from './labels.tsx';

const KIND_TAGS: Record<SearchResult['kind'], { label: string; color: string }> = {
  indicator: { label: '监测指标', color: 'blue' },
  goal: { label: '主要目标', color: 'green' },
  measure: { label: '策略措施', color: 'orange' },
};

/** Where a result leads: an indicator to its page, a goal or measure to its place in the domain. */
export function resultLink(r: SearchResult): string {
  if (r.kind === 'indicator') return `/catalog/indicators/${r.id}`;
  const params = new URLSearchParams({ plan: r.plan.id, domain: r.domain.code, focus: `${r.kind}-${r.number}` });
  return `/catalog?${params}`;
}

function where(r: SearchResult): string {
  const place = `${r.plan.shortTitle} · ${r.domain.name}`;
  if (r.kind === 'indicator') return `${place} · ${r.code}${r.field === 'quote' ? ' · 原文' : ''}`;
  return `${place} · ${SOURCE_KIND_LABELS[r.kind]}第${r.number}条`;
}

/** The search box: controlled by the page, which shows the results below its header. */
export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Input
      allowClear
      value={value}
      onChange={(e) => onChange(e.target.value)}
      prefix={<SearchOutlined style={{ color: '#999' }} />}
      placeholder="查找目标、措施、指标，如：筛查率"
      aria-label="查找规划目标"
      maxLength={50}
      style={{ width: 320 }}
    />
  );
}

/** The results for `text` (debounced: one request per pause in typing); nothing while the box is empty. */
export function SearchResults({ text, onClear }: { text: string; onClear: () => void }) {
  const navigate = useNavigate();
  const [data, setData] = useState<SearchResponse>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const query = text.trim();

  useEffect(() => {
    if (!query) {
      setData(undefined);
      setError(undefined);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setLoading(true);
      api<SearchResponse>(`/catalog/search?q=${encodeURIComponent(query)}`)
        .then((d) => {
          if (cancelled) return;
          setData(d);
          setError(undefined);
        })
        .catch((e: Error) => {
          if (!cancelled) setError(e instanceof ApiError ? e.message : '查找失败，请稍后再试');
        })
        .finally(() => {
          if (!cancelled) setLoading(false);
        });
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  if (!query) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <span>
          “{query}”的查找结果
          {data && data.query === query && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              共 {data.total} 条{data.total > data.results.length ? `，显示前 ${data.results.length} 条` : ''}
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Typography.Link onClick={onClear} style={{ fontWeight: 'normal' }}>
          清除
        </Typography.Link>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : (
        <List
          size="small"
          loading={loading}
          dataSource={data?.results ?? []}
          locale={{ emptyText: loading ? '查找中…' : '没有找到相关内容' }}
          style={{ maxHeight: 320, overflowY: 'auto' }}
          renderItem={(r) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(resultLink(r))}
              data-testid="catalog-search-result"
            >
              <Space align="start" size={8} style={{ width: '100%' }}>
                <Tag color={KIND_TAGS[r.kind].color} style={{ marginInlineEnd: 0 }}>
                  {KIND_TAGS[r.kind].label}
                </Tag>
                <div>
                  <div>
                    {r.kind !== 'goal' && r.field !== 'name' && r.field !== 'title' && r.title && (
                      <Typography.Text strong style={{ marginInlineEnd: 8 }}>
                        {r.title}
                      </Typography.Text>
                    )}
                    <span style={r.field === 'name' || r.field === 'title' ? { fontWeight: 600 } : undefined}>
                      {r.snippet.before}
                      <mark style={MARK_STYLE}>{r.snippet.match}</mark>
                      {r.snippet.after}
                    </span>
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {where(r)}
                  </Typography.Text>
                </div>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
