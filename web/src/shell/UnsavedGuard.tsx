import { Button, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';

// A warning before leaving a page with unsaved changes: another menu item, 返回, a link (the router's blocker) and
// closing or reloading the tab (the browser's own beforeunload dialog).

export interface UnsavedGuardProps {
  /** Something typed is not saved yet. */
  dirty: boolean;
  /** What is unsaved, in a few words ("3 条数据"). */
  what?: string;
  /** Saves; resolves true when saved (the navigation then goes on). */
  onSave?: () => Promise<boolean>;
  /** The changes are also kept in this browser (restored on return): said in the dialog. */
  keptLocally?: boolean;
}

export function UnsavedGuard({ dirty, what, onSave, keptLocally }: UnsavedGuardProps) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Modal
      open
      title="有尚未保存的修改"
      onCancel={() => blocker.reset()}
      className="unsaved-guard"
      footer={
        <Space wrap>
          <Button onClick={() => blocker.reset()}>留在本页</Button>
          <Button danger onClick={() => blocker.proceed()}>
            不保存，离开
          </Button>
          {onSave && (
            <Button
              type="primary"
              loading={saving}
              onClick={async () => {
                setSaving(true);
                const ok = await onSave().catch(() => false);
                setSaving(false);
                if (ok) blocker.proceed();
                else blocker.reset();
              }}
            >
              保存后离开
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph>{what ? `${what}尚未保存。` : '本页的修改尚未保存。'}</Typography.Paragraph>
      {keptLocally && (
        <Typography.Paragraph type="secondary">
          不保存离开时，修改暂存在本浏览器中，回到本页会自动恢复；在其他电脑或手机上看不到。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
