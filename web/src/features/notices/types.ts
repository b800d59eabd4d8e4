export interface Notice {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  read: boolean;
}

export interface NoticeList {
  notices: Notice[];
  unread: number;
}

/** Other parts of the app (the notices page) tell the bell to refresh after marking notices read. */
export const NOTICES_CHANGED = 'tianping:notices-changed';
