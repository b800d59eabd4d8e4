import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { NoticeList } from '../../../../src/features/notices/contract.ts';
import { useApi } from '../../api/useApi.ts';
import { NOTICES_CHANGED } from './types.ts';

/** The header bell: unread notices (deadline reminders …), refreshed every minute and on navigation. */
export function NoticeBell() {
  const navigate = useNavigate();
  const location = useLocation();
  const { data, reload } = useApi<NoticeList>('/notices?unread=true&limit=1');

  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh when the page changes
  useEffect(() => reload(), [location.pathname]);
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    window.addEventListener(NOTICES_CHANGED, reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTICES_CHANGED, reload);
    };
  }, [reload]);

  const unread = data?.unread ?? 0;
  // The name holds the badge's digits as shown ("99+" past 99), outside brackets: accessibility checkers drop
  // bracketed text when matching a name against what is visible (WCAG 2.5.3, label in name).
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <Tooltip title={unread ? `${unread} 条未读通知` : '通知'}>
      <Button
        type="text"
        aria-label={unread ? `通知，${shown} 条未读` : '通知'}
        onClick={() => navigate('/notices')}
        style={{ color: '#fff' }}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
          </Badge>
        }
      />
    </Tooltip>
  );
}
