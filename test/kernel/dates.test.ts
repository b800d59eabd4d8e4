import { describe, expect, it } from 'vitest';
import { beijingDate, beijingYear, isOverdue } from '../../src/kernel/dates.ts';

describe('Beijing calendar days', () => {
  it('at 23:30 UTC it is already the next day in Beijing', () => {
    const late = new Date('2025-06-30T23:30:00Z');
    expect(beijingDate(late)).toBe('2025-07-01');
    // …so a deadline of 30 June is overdue there, though UTC still says 30 June.
    expect(isOverdue('2025-06-30', beijingDate(late))).toBe(true);
    expect(isOverdue('2025-07-01', beijingDate(late))).toBe(false);
  });

  it('New Year comes eight hours earlier', () => {
    expect(beijingYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
    expect(beijingYear(new Date('2024-12-31T15:59:59Z'))).toBe(2024);
    expect(beijingDate(new Date('2025-03-01T00:00:00+08:00'))).toBe('2025-03-01');
  });
});
