import { Button } from 'antd';
import type { ReactNode } from 'react';

/** A spreadsheet the engine writes, downloaded with the session's cookie under the engine's Chinese file name. */
export const DownloadLink = ({ href, children }: { href: string; children: ReactNode }) => (
  <Button href={href} download>
    {children}
  </Button>
);
