// 站内通知's response shapes, shared by the server and the web.

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

/** GET /api/notices: the user's notices, newest first, and how many are unread. */
export interface NoticeList {
  notices: Notice[];
  unread: number;
}
