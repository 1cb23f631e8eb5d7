import { FileOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { originalUrl, thumbnailUrl } from './api';

/** A piece of evidence as a record cites it: an uploaded attachment, or (v1) only a file name. */
export interface EvidenceItem {
  readonly attachmentId?: string;
  readonly name?: string;
  readonly caption?: string;
  readonly contentType?: string;
}

const SHOWN_AS_IMAGE = /^image\/(jpeg|png|webp|heic|heif)$/;

const Evidence = ({ item, index }: { item: EvidenceItem; index: number }) => {
  const title = item.caption ?? item.name ?? `材料 ${index + 1}`;
  // a statement cites ids only: try the thumbnail, and show a file where there is none
  const [noThumbnail, setNoThumbnail] = useState(item.contentType !== undefined && !SHOWN_AS_IMAGE.test(item.contentType));
  if (!item.attachmentId)
    return (
      <Flex vertical align="center" style={{ width: 96 }}>
        <FileOutlined style={{ fontSize: 32, padding: 16 }} aria-hidden />
        <Typography.Text style={{ fontSize: 12, overflowWrap: 'anywhere', textAlign: 'center' }}>{title}（仅登记文件名）</Typography.Text>
      </Flex>
    );
  return (
    <a
      href={originalUrl(item.attachmentId)}
      target="_blank"
      rel="noopener noreferrer"
      title={`查看原件：${item.name ?? title}`}
      style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', width: 96 }}
    >
      {noThumbnail ? (
        <FileOutlined style={{ fontSize: 32, padding: 16 }} aria-hidden />
      ) : (
        <img
          src={thumbnailUrl(item.attachmentId)}
          alt={`${title}（缩略图，点击查看原件）`}
          onError={() => setNoThumbnail(true)}
          style={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
        />
      )}
      <span style={{ fontSize: 12, overflowWrap: 'anywhere', textAlign: 'center', width: '100%' }}>{title}</span>
    </a>
  );
};

/** Evidence as thumbnails; each opens its original in a new tab. */
export const EvidenceList = ({ items, empty = '未附佐证材料' }: { items: readonly EvidenceItem[]; empty?: string }) =>
  items.length === 0 ? (
    <Typography.Text>{empty}</Typography.Text>
  ) : (
    <Flex wrap gap={12} role="list" aria-label="佐证材料">
      {items.map((item, index) => (
        <div role="listitem" key={item.attachmentId ?? `${item.name}-${index}`}>
          <Evidence item={item} index={index} />
        </div>
      ))}
    </Flex>
  );
