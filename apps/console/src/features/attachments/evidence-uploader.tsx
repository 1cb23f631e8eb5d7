import { CameraOutlined, DeleteOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Progress, Typography } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { problemMessage } from '../../api/problems';
import { TAG_COLOR } from '../../lib/labels';
import { useSession } from '../auth/session';
import { originalUrl, thumbnailUrl, uploadAttachment, type Attachment } from './api';

/** One file the person chose: uploading, uploaded (with its attachment) or refused. */
export interface EvidenceDraft {
  readonly key: string;
  readonly name: string;
  readonly percent: number;
  readonly status: 'uploading' | 'done' | 'error';
  readonly attachment?: Pick<Attachment, 'id' | 'name' | 'contentType'>;
  readonly caption: string;
  readonly error?: string;
}

const IMAGE = /^image\/(jpeg|png|webp)$/;

/** Photos and PDFs: what a phone's camera or album gives. */
export const PHOTOS = 'image/*,application/pdf';
/** Photos, PDFs and Office files: everything POST /attachments takes (it tells the type from the bytes). */
export const PHOTOS_AND_FILES = 'image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.docx,.xlsx,video/mp4';

/** A file a record already cites, as a finished draft (a report being amended keeps its evidence unless removed). */
export const citedDraft = (item: { attachmentId: string; name: string; contentType: string; caption?: string | null }): EvidenceDraft => ({
  key: item.attachmentId,
  name: item.name,
  percent: 100,
  status: 'done',
  attachment: { id: item.attachmentId, name: item.name, contentType: item.contentType },
  caption: item.caption ?? '',
});

/** What a record cites: each uploaded file, with its caption when one was written. */
export const citedEvidence = (drafts: readonly EvidenceDraft[] | undefined): Array<{ attachmentId: string; caption?: string }> =>
  (drafts ?? [])
    .filter((draft) => draft.status === 'done' && draft.attachment)
    .map((draft) => ({ attachmentId: draft.attachment!.id, ...(draft.caption.trim() ? { caption: draft.caption.trim() } : {}) }));

/** A form rule: nothing may be submitted while a file is still on its way. */
export const uploadsFinished = {
  validator: (_: unknown, drafts: readonly EvidenceDraft[] | undefined) =>
    (drafts ?? []).some((draft) => draft.status === 'uploading') ? Promise.reject(new Error('照片仍在上传，请稍候')) : Promise.resolve(),
};

/** A form rule: a record cites at most `limit` files. */
export const atMostFiles = (limit: number) => ({
  validator: (_: unknown, drafts: readonly EvidenceDraft[] | undefined) =>
    citedEvidence(drafts).length > limit ? Promise.reject(new Error(`最多${limit}个文件，请移除多余的`)) : Promise.resolve(),
});

let sequence = 0;

/**
 * Take or pick photos (or files): each is uploaded at once with its progress shown, then its thumbnail, an optional
 * caption, and a button to remove it before the form is sent. A form field: it starts from the form's value (files
 * already cited), and `onChange` gets every draft. `camera` opens a phone's camera first (a kindergarten's photos of
 * what it put right); `accept` and the button's text say what may be chosen.
 */
export const EvidenceUploader = ({
  id,
  value,
  onChange,
  accept = PHOTOS,
  camera = true,
  buttonText = '拍照或选择照片',
}: {
  id?: string;
  value?: readonly EvidenceDraft[];
  onChange?: (drafts: EvidenceDraft[]) => void;
  accept?: string;
  camera?: boolean;
  buttonText?: string;
}) => {
  const csrfToken = useSession().data?.csrfToken;
  const input = useRef<HTMLInputElement>(null);
  const [drafts, setDrafts] = useState<EvidenceDraft[]>(() => [...(value ?? [])]);
  const reported = useRef(onChange);
  reported.current = onChange;
  const uploads = useRef(new Map<string, AbortController>());

  useEffect(() => reported.current?.(drafts), [drafts]);
  useEffect(() => {
    const pending = uploads.current;
    return () => pending.forEach((upload) => upload.abort());
  }, []);

  const update = (key: string, change: Partial<EvidenceDraft>) =>
    setDrafts((current) => current.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    for (const file of files) {
      const key = `upload-${++sequence}`;
      const abort = new AbortController();
      uploads.current.set(key, abort);
      setDrafts((current) => [...current, { key, name: file.name, percent: 0, status: 'uploading', caption: '' }]);
      uploadAttachment(file, { csrfToken, signal: abort.signal, onProgress: (percent) => update(key, { percent }) })
        .then((attachment) => update(key, { status: 'done', percent: 100, attachment }))
        .catch((error: unknown) => {
          if (!abort.signal.aborted) update(key, { status: 'error', error: problemMessage(error) });
        })
        .finally(() => uploads.current.delete(key));
    }
  };

  const remove = (key: string) => {
    uploads.current.get(key)?.abort();
    setDrafts((current) => current.filter((draft) => draft.key !== key));
  };

  return (
    <Flex vertical gap={8}>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        capture={camera ? 'environment' : undefined}
        multiple
        onChange={choose}
        style={{ display: 'none' }}
      />
      <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} style={{ alignSelf: 'flex-start' }}>
        {buttonText}
      </Button>
      {drafts.map((draft) => (
        <Card key={draft.key} size="small" styles={{ body: { padding: 8 } }}>
          <Flex gap={8} align="flex-start">
            <div style={{ width: 64, height: 64, flex: 'none', display: 'grid', placeItems: 'center', background: '#f5f5f5', borderRadius: 4 }}>
              {draft.attachment && IMAGE.test(draft.attachment.contentType) ? (
                <img
                  src={thumbnailUrl(draft.attachment.id)}
                  alt={`已上传：${draft.name}`}
                  style={{ maxWidth: 64, maxHeight: 64, objectFit: 'cover', borderRadius: 4 }}
                />
              ) : (
                <FileOutlined style={{ fontSize: 24 }} aria-hidden />
              )}
            </div>
            <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Flex justify="space-between" align="center" gap={4}>
                {draft.attachment ? (
                  <a href={originalUrl(draft.attachment.id)} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                    {draft.name}
                  </a>
                ) : (
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>{draft.name}</Typography.Text>
                )}
                <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`移除 ${draft.name}`} onClick={() => remove(draft.key)} />
              </Flex>
              <Progress
                percent={draft.percent}
                size="small"
                status={draft.status === 'error' ? 'exception' : draft.status === 'done' ? 'success' : 'active'}
                aria-label={`${draft.name} 上传进度`}
              />
              {draft.status === 'uploading' && <Typography.Text type="secondary">正在上传…</Typography.Text>}
              {draft.status === 'done' && <Typography.Text style={{ color: TAG_COLOR.success }}>上传完成</Typography.Text>}
              {draft.status === 'error' && <Typography.Text style={{ color: TAG_COLOR.danger }}>上传失败：{draft.error}</Typography.Text>}
              {draft.status === 'done' && (
                <Input
                  size="small"
                  maxLength={500}
                  placeholder="说明（可选）"
                  aria-label={`${draft.name} 的说明`}
                  value={draft.caption}
                  onChange={(event) => update(draft.key, { caption: event.target.value })}
                />
              )}
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
};
