// Drafts kept in this browser as the user types (localStorage), so a closed tab, a crash, a page left without
// saving or an expired session loses nothing: the page restores them on return and says so.

const PREFIX = 'tianping.draft.';

export interface StoredDraft<T> {
  savedAt: string;
  data: T;
}

export function readDraft<T>(key: string): StoredDraft<T> | undefined {
  try {
    const text = window.localStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as StoredDraft<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft<T>(key: string, data: T | undefined): void {
  try {
    if (data === undefined) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), data }));
  } catch {
    // Storage full or disabled (private mode): the page still warns before leaving.
  }
}

export const draftTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
