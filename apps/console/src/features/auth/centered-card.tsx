import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export const CenteredCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
    <main style={{ width: '100%', maxWidth: 400 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 20, textAlign: 'center' }}>
          清水河县幼儿园督导整改平台
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 16, textAlign: 'center', marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  </Flex>
);
