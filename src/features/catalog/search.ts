// Substring search over the catalog's Chinese texts: indicator names and quotes, goal texts, measure titles and
// texts. ILIKE is plenty at this size (a few hundred items); % and _ in the query are matched literally.

import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { domain, goal, indicator, measure, plan } from '../../db/schema/index.ts';
import type { SearchResponse, SearchResult } from './contract.ts';
import { liveIndicator } from './read.ts';

export const SEARCH_LIMIT = 100;
const BEFORE = 24;
const AFTER = 48;

/** A LIKE pattern matching `q` anywhere, with the pattern characters escaped (backslash is the default escape). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The text around the first match of `q` in `text`, cut to a readable length. */
export function snippetOf(text: string, q: string): SearchResult['snippet'] {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return { before: '', match: '', after: text.slice(0, BEFORE + AFTER) };
  const from = Math.max(0, at - BEFORE);
  const to = Math.min(text.length, at + q.length + AFTER);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, at),
    match: text.slice(at, at + q.length),
    after: text.slice(at + q.length, to) + (to < text.length ? '…' : ''),
  };
}

const contains = (text: string, q: string) => text.toLowerCase().includes(q.toLowerCase());

interface Ranked {
  result: SearchResult;
  /** 0 indicator name, 1 measure title, 2 goal text, 3 measure text, 4 indicator quote. */
  rank: number;
  /** 0 the whole field, 1 the field starts with the query, 2 elsewhere. */
  closeness: number;
  order: [number, number, number];
}

function closeness(text: string, q: string): number {
  const t = text.toLowerCase();
  const s = q.toLowerCase();
  return t === s ? 0 : t.startsWith(s) ? 1 : 2;
}

/** Matches within one cycle's plans (another cycle has its own W1-01). */
export async function searchCatalog(db: Db, folderId: string, q: string): Promise<SearchResponse> {
  const pattern = containsPattern(q);
  const heads = {
    plan: { id: plan.id, shortTitle: plan.shortTitle, position: plan.position },
    domain: { id: domain.id, code: domain.code, name: domain.name, position: domain.position },
  };
  const [indicators, goals, measures] = await Promise.all([
    db
      .select({
        ...heads,
        id: indicator.id,
        code: indicator.code,
        name: indicator.name,
        quote: indicator.quote,
        sourceNumber: indicator.sourceNumber,
        position: indicator.position,
      })
      .from(indicator)
      .innerJoin(domain, eq(indicator.domainId, domain.id))
      .innerJoin(plan, eq(indicator.planId, plan.id))
      .where(
        and(
          liveIndicator,
          eq(plan.folderId, folderId),
          or(ilike(indicator.name, pattern), ilike(indicator.quote, pattern)),
        ),
      )
      .orderBy(asc(indicator.position)),
    db
      .select({ ...heads, number: goal.number, text: goal.text })
      .from(goal)
      .innerJoin(domain, eq(goal.domainId, domain.id))
      .innerJoin(plan, eq(domain.planId, plan.id))
      .where(and(eq(plan.folderId, folderId), ilike(goal.text, pattern))),
    db
      .select({ ...heads, number: measure.number, title: measure.title, text: measure.text })
      .from(measure)
      .innerJoin(domain, eq(measure.domainId, domain.id))
      .innerJoin(plan, eq(domain.planId, plan.id))
      .where(and(eq(plan.folderId, folderId), or(ilike(measure.title, pattern), ilike(measure.text, pattern)))),
  ]);

  const ranked: Ranked[] = [];
  const head = (r: Pick<(typeof goals)[number], 'plan' | 'domain'>) => ({
    plan: { id: r.plan.id, shortTitle: r.plan.shortTitle },
    domain: { id: r.domain.id, code: r.domain.code, name: r.domain.name },
  });
  for (const r of indicators) {
    const inName = contains(r.name, q);
    const field = inName ? 'name' : 'quote';
    const text = inName ? r.name : r.quote;
    ranked.push({
      rank: inName ? 0 : 4,
      closeness: closeness(text, q),
      order: [r.plan.position, r.domain.position, r.position],
      result: {
        kind: 'indicator',
        id: r.id,
        ...head(r),
        number: r.sourceNumber,
        code: r.code,
        title: r.name,
        field,
        snippet: snippetOf(text, q),
      },
    });
  }
  for (const r of goals) {
    ranked.push({
      rank: 2,
      closeness: 2,
      order: [r.plan.position, r.domain.position, r.number],
      result: {
        kind: 'goal',
        id: null,
        ...head(r),
        number: r.number,
        code: null,
        title: null,
        field: 'text',
        snippet: snippetOf(r.text, q),
      },
    });
  }
  for (const r of measures) {
    const inTitle = contains(r.title, q);
    ranked.push({
      rank: inTitle ? 1 : 3,
      closeness: inTitle ? closeness(r.title, q) : 2,
      order: [r.plan.position, r.domain.position, r.number],
      result: {
        kind: 'measure',
        id: null,
        ...head(r),
        number: r.number,
        code: null,
        title: r.title,
        field: inTitle ? 'title' : 'text',
        snippet: snippetOf(inTitle ? r.title : r.text, q),
      },
    });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.closeness - b.closeness ||
      a.order[0] - b.order[0] ||
      a.order[1] - b.order[1] ||
      a.order[2] - b.order[2],
  );
  return { query: q, total: ranked.length, results: ranked.slice(0, SEARCH_LIMIT).map((r) => r.result) };
}
