import { Button, Select, Space } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { CycleItem, CycleList } from '../../../src/features/plans/contract.ts';
import { put, setCycleHeader } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useAuth } from '../features/auth/AuthContext.tsx';

// The plan cycle (规划周期) the user is looking at. Several cycles live in one system (2021–2025 stays readable after
// 2026–2030 is published); the header offers the choice when there is more than one, the pick is remembered in
// this browser and sent with every request (header x-plan-cycle). Pages remount when it changes.

const STORAGE_KEY = 'tianping.cycle';

function remembered(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(id: string | undefined) {
  try {
    if (id) localStorage.setItem(STORAGE_KEY, id);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private browsing: the pick lasts for this page only.
  }
}

// Before the first page request: the last pick, checked against the list once it arrives.
setCycleHeader(remembered());

interface CycleState {
  cycles: CycleItem[];
  /** The cycle shown: the user's pick, else the current one; undefined until the list has loaded. */
  cycle: CycleItem | undefined;
  /** Changes whenever the cycle asked for changes: pages are keyed on it, so they load again. */
  viewKey: string;
  pick(id: string): void;
  /** Makes the shown cycle the current one (office and administrators). */
  makeCurrent(): Promise<void>;
}

const CycleContext = createContext<CycleState>({
  cycles: [],
  cycle: undefined,
  viewKey: '',
  pick: () => {},
  makeCurrent: async () => {},
});

export function CycleProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const { data, reload } = useApi<CycleList>(me ? '/cycles' : null);
  const [picked, setPicked] = useState<string | undefined>(remembered());
  const cycles = data?.cycles ?? [];
  const current = cycles.find((c) => c.current);
  const known = picked !== undefined && cycles.some((c) => c.id === picked);

  // A pick that no longer exists (or is the current cycle anyway) is dropped: the server's default applies.
  useEffect(() => {
    if (!data || picked === undefined) return;
    if (!known || picked === current?.id) {
      remember(undefined);
      setCycleHeader(undefined);
      setPicked(undefined);
    }
  }, [data, picked, known, current?.id]);

  const pick = useCallback(
    (id: string) => {
      const next = id === current?.id ? undefined : id;
      remember(next);
      setCycleHeader(next);
      setPicked(next);
    },
    [current?.id],
  );

  const makeCurrent = useCallback(async () => {
    if (picked === undefined) return;
    await put<CycleList>('/cycles/current', { id: picked });
    remember(undefined);
    setCycleHeader(undefined);
    setPicked(undefined);
    reload();
  }, [picked, reload]);

  const value = useMemo<CycleState>(
    () => ({
      cycles,
      cycle: (known ? cycles.find((c) => c.id === picked) : undefined) ?? current,
      viewKey: picked ?? '',
      pick,
      makeCurrent,
    }),
    [cycles, known, picked, current, pick, makeCurrent],
  );
  return <CycleContext.Provider value={value}>{children}</CycleContext.Provider>;
}

export const useCycle = () => useContext(CycleContext);

/** The years of the cycle shown, base year excluded: 2021…2025. */
export function cycleYears(cycle: CycleItem | undefined): number[] {
  if (!cycle) return [];
  return Array.from({ length: cycle.end - cycle.start + 1 }, (_, i) => cycle.start + i);
}

export const cycleLabel = (c: CycleItem) => `${c.start}—${c.end}年${c.current ? '（当前）' : ''}`;

/** The header's cycle switch: shown only when the system holds more than one cycle. */
export function CycleSwitch({ canMakeCurrent, compact }: { canMakeCurrent: boolean; compact: boolean }) {
  const { cycles, cycle, pick, makeCurrent } = useCycle();
  const [busy, setBusy] = useState(false);
  if (cycles.length < 2 || !cycle) return null;
  return (
    <Space size={4} style={{ flexShrink: 0 }}>
      <Select
        size="small"
        aria-label="规划周期"
        value={cycle.id}
        onChange={pick}
        style={{ width: compact ? 112 : 196 }}
        popupMatchSelectWidth={false}
        // On a phone the chosen cycle shows as 2026—2030 only; the list keeps the full labels.
        labelRender={({ value }) => {
          const c = cycles.find((x) => x.id === value);
          return c && compact ? `${c.start}—${c.end}` : c ? cycleLabel(c) : value;
        }}
        options={cycles.map((c) => ({ value: c.id, label: cycleLabel(c), title: c.name }))}
      />
      {canMakeCurrent && !cycle.current && !compact && (
        <Button
          size="small"
          loading={busy}
          onClick={() => {
            setBusy(true);
            makeCurrent().finally(() => setBusy(false));
          }}
        >
          设为当前周期
        </Button>
      )}
    </Space>
  );
}
