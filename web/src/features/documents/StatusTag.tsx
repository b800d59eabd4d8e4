import { Tag } from 'antd';
import { DOCUMENT_STATUS_LABELS } from '../../../../src/core/documents.ts';
import type { CellStatus } from '../../../../src/features/documents/contract.ts';

const COLORS: Record<CellStatus, string> = { submitted: 'green', draft: 'gold', missing: 'red' };

export function StatusTag({ status }: { status: CellStatus }) {
  return <Tag color={COLORS[status]}>{DOCUMENT_STATUS_LABELS[status]}</Tag>;
}
