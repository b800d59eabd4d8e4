import { useEffect } from 'react';
import { DEFAULT_SYSTEM_NAME } from '../../../src/core/site.ts';
import type { Health } from '../../../src/features/health/contract.ts';
import { useApi } from '../api/useApi.ts';

/**
 * The system's name and who it belongs to, from the active plan folder (GET /health → site). Nothing about a
 * region is written in the web code: another district's folder names itself. Also sets the browser title.
 */
export function useSite(): { systemName: string; site: Health['site'] | undefined; health: Health | undefined } {
  const { data } = useApi<Health>('/health');
  const systemName = data?.name ?? DEFAULT_SYSTEM_NAME;
  useEffect(() => {
    if (data) document.title = systemName;
  }, [data, systemName]);
  return { systemName, site: data?.site, health: data };
}
