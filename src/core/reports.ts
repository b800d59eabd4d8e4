// The reports' vocabulary, shared by the database schema, the server and the web app. Pure data.

export type ReportKind =
  | 'annual_monitoring'
  | 'final_monitoring'
  | 'annual_evaluation'
  | 'final_evaluation'
  | 'stat_tables';

/** One editable text; `edited` once the office changed it (a later generation then keeps it as written). */
export interface StoredSection {
  key: string;
  label: string;
  text: string;
  edited: boolean;
}
