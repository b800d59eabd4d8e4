import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { DOCUMENT_KIND_LABELS, type DocumentKind, sectionsOf } from '../../../../src/core/documents.ts';
import type { DocumentResponse, ListedDocument, UnitDocument } from '../../../../src/features/documents/contract.ts';
import { formatBeijingTime } from '../../../../src/kernel/dates.ts';
import { ApiError, post, put } from '../../api/client.ts';
import { draftTime, readDraft, writeDraft } from '../../shell/localDraft.ts';
import { UnsavedGuard } from '../../shell/UnsavedGuard.tsx';
import { applyError, ErrorAlert } from '../admin/common.tsx';
import { useUser } from '../auth/AuthContext.tsx';
import { Attachments } from './Attachments.tsx';
import { StatusTag } from './StatusTag.tsx';

const PLACEHOLDERS: Record<string, string> = {
  implementation: '本年度落实规划目标任务的主要做法、进展和成效，相关指标完成情况',
  problems: '规划实施中存在的主要问题',
  causes: '问题产生的原因',
  countermeasures: '针对问题拟采取的对策措施',
  nextYear: '下一年度的工作安排',
  summary: '内容摘要（正文请作为附件上传）',
};

/** One document of the signed-in user's unit: the sections as text areas, attachments, save / submit / withdraw. */
export function DocumentEditor({
  kind,
  year,
  doc,
  canEdit,
  onChange,
}: {
  kind: DocumentKind;
  year: number;
  doc: ListedDocument | undefined;
  canEdit: boolean;
  onChange: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'save' | 'submit' | 'withdraw' | null>(null);
  const sections = sectionsOf(kind);
  const submitted = doc?.status === 'submitted';
  const editable = canEdit && !submitted;
  const label = `${kind === 'implementation_plan' ? '' : `${year}年`}${DOCUMENT_KIND_LABELS[kind]}`;
  const user = useUser();
  const draftKey = `document.${user.id}.${kind}.${year}`;
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState<string>();
  const restoredFor = useRef<string>(undefined);
  const savedText = () => Object.fromEntries(sections.map((s) => [s.key, doc?.sections[s.key] ?? '']));
  const differs = (values: Record<string, string | undefined>) =>
    sections.some((s) => (values[s.key] ?? '').trim() !== (doc?.sections[s.key] ?? '').trim());

  // Reset when another document is shown (not when a new document gets its id on the first save: the messages of
  // a refused first 提交 must stay on the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when another document is shown
  useEffect(() => {
    form.resetFields();
    setError(undefined);
  }, [kind, year]);
  // A new version (after saving) updates the text but keeps the messages of a refused submit on the fields; text
  // typed but not saved (kept in this browser) comes back once, when the document is opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the saved text
  useEffect(() => {
    form.setFieldsValue(savedText());
    setDirty(false);
    if (!editable || restoredFor.current === draftKey) return;
    restoredFor.current = draftKey;
    const stored = readDraft<{ version: number; sections: Record<string, string> }>(draftKey);
    if (stored && stored.data.version === (doc?.version ?? 0) && differs(stored.data.sections)) {
      form.setFieldsValue(stored.data.sections);
      setDirty(true);
      setRestored(stored.savedAt);
    } else if (stored) writeDraft(draftKey, undefined);
  }, [doc?.id, doc?.version, kind, year, editable]);

  function onValuesChange() {
    const values = form.getFieldsValue();
    const changed = differs(values);
    setDirty(changed);
    writeDraft(draftKey, changed ? { version: doc?.version ?? 0, sections: values } : undefined);
  }

  async function save(): Promise<UnitDocument | undefined> {
    const values = form.getFieldsValue();
    const result = await put<DocumentResponse>(`/documents/${kind}/${year}`, {
      sections: Object.fromEntries(sections.map((s) => [s.key, values[s.key] ?? ''])),
      expectedVersion: doc?.version ?? 0,
    });
    return result.document;
  }

  async function run(action: 'save' | 'submit' | 'withdraw') {
    setBusy(action);
    setError(undefined);
    try {
      if (action === 'withdraw' && doc) {
        await post(`/documents/${doc.id}/withdraw`);
        message.success(`${label}已撤回，可继续修改`);
      } else {
        const saved = await save();
        writeDraft(draftKey, undefined);
        setRestored(undefined);
        if (action === 'submit' && saved) {
          await post(`/documents/${saved.id}/submit`);
          message.success(`${label}已提交`);
        } else message.success('草稿已保存');
      }
      onChange();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SECTIONS_EMPTY') {
        form.setFields(
          ((e.body.fields ?? []) as { field: string; message: string }[]).map((f) => ({
            name: f.field.replace(/^sections\./, ''),
            errors: [f.message],
          })),
        );
      }
      if (e instanceof ApiError && e.code === 'SECTIONS_EMPTY') setError(e.message);
      else setError(applyError(e, form));
      // A successful save before a refused submit still changed the version.
      if (action === 'submit') onChange();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      {editable && (
        <UnsavedGuard
          dirty={dirty}
          what={label}
          keptLocally
          onSave={async () => {
            try {
              await save();
              writeDraft(draftKey, undefined);
              setDirty(false);
              onChange();
              return true;
            } catch (e) {
              setError(applyError(e, form));
              return false;
            }
          }}
        />
      )}
      {restored && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestored(undefined) }}
          style={{ marginBottom: 12 }}
          className="draft-restored"
          title={`已恢复您 ${draftTime(restored)} 填写但尚未保存的内容，请核对后保存。`}
          action={
            <Button
              size="small"
              onClick={() => {
                writeDraft(draftKey, undefined);
                form.setFieldsValue(savedText());
                setDirty(false);
                setRestored(undefined);
              }}
            >
              放弃这些修改
            </Button>
          }
        />
      )}
      {doc?.status === 'draft' && doc.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="区妇儿工委办公室已退回，请修改后重新提交"
          description={<div style={{ whiteSpace: 'pre-wrap' }}>{doc.returnComment}</div>}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          <StatusTag status={doc?.status ?? 'missing'} />
        </Descriptions.Item>
        <Descriptions.Item label="最后保存">{doc ? formatBeijingTime(doc.updatedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="提交时间">
          {doc?.submittedAt ? formatBeijingTime(doc.submittedAt) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert message={error} />
      <Form form={form} layout="vertical" onValuesChange={onValuesChange}>
        {sections.map((s) => (
          <Form.Item key={s.key} name={s.key} label={s.label} required={editable}>
            <Input.TextArea
              // Read-only rather than disabled once submitted: the text stays legible.
              readOnly={!editable}
              variant={editable ? 'outlined' : 'filled'}
              autoSize={{ minRows: kind === 'annual_work_report' ? 3 : 4, maxRows: 16 }}
              placeholder={PLACEHOLDERS[s.key]}
              maxLength={20_000}
            />
          </Form.Item>
        ))}
      </Form>
      <Typography.Title level={5}>附件</Typography.Title>
      <Attachments
        documentId={doc?.id ?? null}
        attachments={doc?.attachments ?? []}
        editable={editable}
        onChange={onChange}
      />
      {canEdit && (
        <Space style={{ marginTop: 16 }}>
          {submitted ? (
            <Popconfirm title={`撤回${label}？撤回后可修改，须再次提交。`} onConfirm={() => void run('withdraw')}>
              <Button loading={busy === 'withdraw'}>撤回修改</Button>
            </Popconfirm>
          ) : (
            <>
              <Button onClick={() => void run('save')} loading={busy === 'save'}>
                保存草稿
              </Button>
              <Popconfirm
                title={`提交${label}？`}
                description="提交后报送区妇儿工委办公室，如需修改须先撤回。"
                onConfirm={() => void run('submit')}
                okText="提交"
              >
                <Button type="primary" loading={busy === 'submit'}>
                  提交
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      )}
    </div>
  );
}
