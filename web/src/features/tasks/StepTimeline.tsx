import { Space, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';

// The thread of a 督办单 or a task (交办, 反馈, 再次督办, 办结): each step with who and when, its own fields, and
// what is awaited next while the thread is open.

type StepKind = 'issue' | 'answer' | 'ask_again' | 'close';

interface Step {
  id: number;
  kind: StepKind;
  at: string;
  username: string | null;
  displayName?: string | null;
}

const STEP_COLORS: Record<StepKind, string> = { issue: 'red', answer: 'blue', ask_again: 'orange', close: 'green' };

export function StepTimeline<S extends Step>({
  steps,
  titles,
  time,
  body,
  next,
  testId,
}: {
  steps: S[];
  titles: Record<StepKind, string>;
  /** How a step's time is written. */
  time: (at: string) => string;
  /** The step's own fields. */
  body: (step: S) => ReactNode;
  /** What is awaited next; undefined once the thread is closed. */
  next: ReactNode | undefined;
  testId?: string;
}) {
  return (
    <Timeline
      data-testid={testId}
      style={{ marginTop: 8 }}
      items={[
        ...steps.map((s) => ({
          key: s.id,
          color: STEP_COLORS[s.kind],
          content: (
            <div data-testid={`step-${s.kind}`}>
              <Space size={8}>
                <Typography.Text strong>{titles[s.kind]}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {time(s.at)} · {s.displayName ?? s.username ?? '—'}
                </Typography.Text>
              </Space>
              {body(s)}
            </div>
          ),
        })),
        ...(next !== undefined ? [{ key: 'next', color: 'gray', content: next }] : []),
      ]}
    />
  );
}

/** One labelled field of a step. */
export function StepField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <span style={{ whiteSpace: 'pre-wrap' }}>{children}</span>
    </div>
  );
}
