import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookRequest {
  /** When it arrived (ms since the epoch). */
  readonly at: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: any;
  /** The status answered, or `hang` for a request left unanswered. */
  readonly answered: number | 'hang';
}

/** How to answer the n-th request (0-based): a status, or `hang` to keep it open until the server closes. */
export type WebhookBehaviour = (index: number, body: any) => number | 'hang';

export interface WebhookServer {
  readonly url: string;
  readonly requests: WebhookRequest[];
  /** Changes how the next requests are answered. */
  behave(behaviour: WebhookBehaviour): void;
  close(): Promise<void>;
}

/** A local HTTP endpoint standing in for a DingTalk / WeCom robot or any webhook receiver; answers 200 unless told otherwise. */
export const startWebhookServer = async (behaviour: WebhookBehaviour = () => 200): Promise<WebhookServer> => {
  const requests: WebhookRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let behave = behaviour;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      const answer = behave(requests.length, body);
      requests.push({ at: Date.now(), headers: request.headers, body, answered: answer });
      if (answer === 'hang') {
        hanging.add(response);
        response.on('close', () => hanging.delete(response));
        return;
      }
      response.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: answer === 200 ? 0 : answer }));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/robot/send?access_token=test`,
    requests,
    behave: (next) => (behave = next),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};
