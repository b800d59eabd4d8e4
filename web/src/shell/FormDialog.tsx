import { Alert, type ButtonProps, Form, type FormInstance, type FormProps, Modal } from 'antd';
import { type ReactNode, useState } from 'react';

// The dialogs that create or change one thing (系统管理, 督办, 整改, 议定事项) all work the same way: the OK button
// submits the form, the request runs with the button spinning, and a failed request shows its message above the
// form and its field problems at the fields. Success is `save`'s own business (a message, closing, reloading).

export interface FormDialogProps<T> {
  form: FormInstance<T>;
  title: ReactNode;
  okText: string;
  okButtonProps?: ButtonProps;
  width?: number;
  /** Most dialogs are mounted only while open; a dialog that stays mounted passes its state. */
  open?: boolean;
  initialValues?: FormProps<T>['initialValues'];
  /** Sends the form and does what follows a success; a throw keeps the dialog open with the error shown. */
  save: (values: T) => Promise<void>;
  /** Puts a failed request's field problems on the form and returns the message for the alert. */
  explain: (form: FormInstance<T>, error: unknown) => string;
  /** The space under the error alert: 16 on the 系统管理 pages, 12 elsewhere. */
  alertGap: number;
  onCancel: () => void;
  /** Shown above the error alert. */
  intro?: ReactNode;
  /** Shown between the error alert and the form. */
  above?: ReactNode;
  /** Shown under the form. */
  below?: ReactNode;
  /** The form's items. */
  children: ReactNode;
}

export function FormDialog<T>({
  form,
  title,
  okText,
  okButtonProps,
  width,
  open = true,
  initialValues,
  save,
  explain,
  alertGap,
  onCancel,
  intro,
  above,
  below,
  children,
}: FormDialogProps<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: T) {
    setBusy(true);
    setError(undefined);
    try {
      await save(values);
    } catch (e) {
      setError(explain(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      width={width}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={okButtonProps}
      confirmLoading={busy}
      destroyOnHidden
    >
      {intro}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: alertGap }} />}
      {above}
      <Form<T> form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {children}
      </Form>
      {below}
    </Modal>
  );
}
