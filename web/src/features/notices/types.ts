/** Other parts of the app (the notices page) tell the bell to refresh after marking notices read. */
export const NOTICES_CHANGED = 'tianping:notices-changed';
