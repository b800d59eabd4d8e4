import { describe, expect, it } from 'vitest';
import { beijingDate, beijingMonthText, formatBeijingTime } from '../../src/kernel/dates.ts';

// Deadlines and report dates are days in China. At 23:30 UTC it is already 07:30 the next day in Beijing.
describe('the day in Beijing', () => {
  it('is the next calendar day at 23:30 UTC, and the same day at 15:59 UTC', () => {
    expect(beijingDate(new Date('2026-03-30T23:30:00Z'))).toBe('2026-03-31');
    expect(beijingDate(new Date('2026-03-30T15:59:00Z'))).toBe('2026-03-30');
    expect(beijingDate(new Date('2026-03-30T16:00:00Z'))).toBe('2026-03-31');
  });

  it('turns the year and month at midnight Beijing time', () => {
    expect(beijingDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(beijingMonthText(new Date('2025-12-31T23:30:00Z'))).toBe('2026年1月');
    expect(beijingMonthText(new Date('2025-12-31T15:00:00Z'))).toBe('2025年12月');
  });

  it('shows stored instants as Beijing wall-clock time', () => {
    expect(formatBeijingTime('2026-03-30T23:30:00Z')).toBe('2026-03-31 07:30');
    expect(formatBeijingTime('2026-03-30T23:30:05.000Z', true)).toBe('2026-03-31 07:30:05');
    expect(formatBeijingTime(null)).toBe('');
  });
});
