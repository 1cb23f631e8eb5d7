import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { ApiProblem, problemMessage } from '../../api/problems';
import { useSession } from '../auth/session';

type UploadRequest = Parameters<NonNullable<UploadProps['customRequest']>>[0];

export interface UploadedFile {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
}

/** Images, PDF and Office files: what POST /attachments takes (it tells the type from the bytes). */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.docx,.xlsx,video/mp4';

/** An upload already cited, as the list shows it (opening the original, a thumbnail for images). */
export const citedFile = (item: { attachmentId: string; name: string; contentType?: string }): UploadFile<UploadedFile> => ({
  uid: item.attachmentId,
  name: item.name,
  status: 'done',
  url: `/api/v1/attachments/${item.attachmentId}`,
  thumbUrl: item.contentType?.startsWith('image/') ? `/api/v1/attachments/${item.attachmentId}/thumbnail` : undefined,
  response: { id: item.attachmentId, name: item.name, contentType: item.contentType ?? '' },
});

/** The uploads done, as a record cites them. */
export const citations = (files: readonly UploadFile<UploadedFile>[] | undefined) =>
  (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [{ attachmentId: file.response.id }] : []));

/** An image's preview as a data: URL (the console's CSP allows no blob: images), read in the browser. */
const previewFile = (file: File | Blob): Promise<string> =>
  new Promise((resolve) => {
    if (!file.type.startsWith('image/') || file.size > 8 * 1024 * 1024) return resolve('');
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => resolve('');
    reader.readAsDataURL(file);
  });

// Ant Design's defaults for the list's bar, with a name for screen readers (axe: aria-progressbar-name)
const PROGRESS = { size: [-1, 2], showInfo: false, 'aria-label': '上传进度' } as UploadProps['progress'];

export const stillUploading = (files: readonly UploadFile[] | undefined): boolean => (files ?? []).some((file) => file.status === 'uploading');

/**
 * Evidence files (佐证材料) sent one by one to POST /attachments with their progress (XHR: fetch cannot report an
 * upload's progress), the session's CSRF token in the header. Use inside a Form.Item with valuePropName="fileList".
 */
export const EvidenceUpload = ({
  id,
  fileList,
  onChange,
}: {
  id?: string;
  fileList?: UploadFile<UploadedFile>[];
  onChange?: UploadProps['onChange'];
}) => {
  const csrfToken = useSession().data?.csrfToken;
  const { message } = App.useApp();
  const send = ({ file, onProgress, onSuccess, onError }: UploadRequest) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/attachments');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.onload = () => {
      let body: { id?: string; code?: string; detail?: string } = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 201) return onSuccess?.(body);
      const problem = new ApiProblem(xhr.status, body.code ?? `http-${xhr.status}`, body.detail ?? '');
      void message.error(`${(file as File).name}：${xhr.status === 413 ? '文件过大' : problemMessage(problem)}`);
      onError?.(problem);
    };
    xhr.onerror = () => {
      void message.error(problemMessage(new Error('network')));
      onError?.(new Error('network'));
    };
    const form = new FormData();
    form.append('file', file as Blob, (file as File).name);
    xhr.send(form);
    return { abort: () => xhr.abort() };
  };
  return (
    <Upload<UploadedFile>
      id={id}
      accept={ACCEPT}
      multiple
      listType="picture"
      fileList={fileList}
      onChange={onChange}
      customRequest={send}
      previewFile={previewFile}
      progress={PROGRESS}
    >
      <Button>上传照片或文件</Button>
    </Upload>
  );
};
