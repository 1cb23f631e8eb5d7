import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Settings } from '@app/config';
import type { StoredEvent } from '@app/event-sourcing';
import { metadata } from '@app/event-sourcing/testing';
import { migrateProjections } from '@app/projections';
import type { PgliteClient } from '@app/sql';
import { pgliteFromTemplate } from '@app/sql/testing';
import { KindergartenOverview } from './kindergarten-overview/kindergarten-overview.js';
import { kindergartenOverviewProjection } from './kindergarten-overview/kindergarten-overview.projection.js';
import { PublicBoard } from './public-board/public-board.js';
import { publicBoardProjection } from './public-board/public-board.projection.js';
import { projectionApplier } from './testing/apply-projection.js';

const stored = (streamId: string, version: number, type: string, data: object): StoredEvent => ({
  streamId,
  version,
  position: version,
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: metadata(),
  prevHash: '',
  hash: '',
  recordedAt: new Date('2025-03-03T02:00:00Z'),
});

const registered = (kg: string) =>
  stored(`kindergarten-${kg}`, 1, 'KindergartenRegistered', {
    kindergartenId: kg,
    name: '城关镇第一幼儿园',
    township: '城关镇',
    ownership: 'public',
    registeredAt: '2025-03-01T09:00:00.000+08:00',
  });
const disclosed = (kg: string) =>
  stored(`kindergarten-${kg}`, 2, 'DisclosurePublished', {
    kindergartenId: kg,
    teachers: 10,
    caregivers: 5,
    children: 120,
    monthlyFeeYuan: 300.5,
    notes: '内部备注',
    publishedAt: '2025-03-02T09:00:00.000+08:00',
  });
const scheduled = (kg: string, id: string, year: number) =>
  stored(`inspection-${id}`, 1, 'InspectionScheduled', {
    inspectionId: id,
    kindergartenId: kg,
    kind: 'annual',
    year,
    scheduledOn: `${year}-03-05`,
    scheduledAt: `${year}-03-03T10:00:00.000+08:00`,
  });
const concluded = (id: string, year: number, outcome: 'passed' | 'failed') =>
  stored(`inspection-${id}`, 2, 'InspectionConcluded', {
    inspectionId: id,
    outcome,
    summary: '结论',
    concludedAt: `${year}-03-05T10:00:00.000+08:00`,
  });
const issued = (kg: string, id: string, publish: boolean) =>
  stored(`rectification-${id}`, 1, 'RectificationNoticeIssued', {
    rectificationId: id,
    kindergartenId: kg,
    inspectionId: `i-${id}`,
    findings: [{ code: 'S-01', description: '消防通道堆放杂物', severity: 'major' }],
    deadline: { workingDays: 10 },
    dueAt: '2025-03-17T23:59:59.999+08:00',
    publish,
    issuedAt: '2025-03-03T10:00:00.000+08:00',
  });
const acknowledged = (id: string) =>
  stored(`rectification-${id}`, 2, 'NoticeAcknowledged', { rectificationId: id, acknowledgedAt: '2025-03-04T10:00:00.000+08:00' });
const failed = (id: string) =>
  stored(`rectification-${id}`, 2, 'FollowUpFailed', {
    rectificationId: id,
    inspectionId: `f-${id}`,
    inspectionConcludedAt: '2025-03-20T10:00:00.000+08:00',
    recordedAt: '2025-03-20T11:00:00.000+08:00',
  });
const suspended = (kg: string, rectificationId: string) =>
  stored(`enrolment-${kg}`, 1, 'EnrolmentSuspended', {
    kindergartenId: kg,
    rectificationId,
    effectiveFrom: '2025-04-01',
    reason: '整改不合格',
    suspendedAt: '2025-03-21T10:00:00.000+08:00',
  });

const schema = 'overviews_spec';
const s = `"${schema}"`;
let pglite: PgliteClient;
// as the runner and the rebuild do: the read model and its checkpoint move in one transaction
let applyBoard: (events: readonly StoredEvent[]) => Promise<void>;
let overview: KindergartenOverview;
let board: PublicBoard;

beforeAll(async () => {
  pglite = await pgliteFromTemplate();
  applyBoard = projectionApplier(pglite, s, publicBoardProjection);
  await migrateProjections(pglite, schema, [kindergartenOverviewProjection, publicBoardProjection]);
  const settings = { DATABASE_SCHEMA: schema } as Settings;
  overview = new KindergartenOverview(pglite, settings);
  board = new PublicBoard(pglite, settings);
});

afterAll(async () => {
  await pglite.close();
});

describe('the kindergarten overview projection', () => {
  it('joins a kindergarten, its enrolment, its open cases and its latest results from four features’ streams', async () => {
    const kg = `kg-${randomUUID()}`;
    const [open, closed] = [`rc-${randomUUID()}`, `rc-${randomUUID()}`];
    const [older, newer] = [`a-${randomUUID()}`, `a-${randomUUID()}`];
    await pglite.transaction((tx) =>
      kindergartenOverviewProjection.apply(
        tx,
        [
          registered(kg),
          disclosed(kg),
          scheduled(kg, older, 2024),
          concluded(older, 2024, 'passed'),
          scheduled(kg, newer, 2025),
          concluded(newer, 2025, 'failed'),
          issued(kg, open, false),
          acknowledged(open),
          issued(kg, closed, true),
          failed(closed),
          suspended(kg, closed),
          stored('responsibleUnit-x', 1, 'ResponsibleUnitRegistered', {}),
        ],
        s,
      ),
    );
    expect(await pglite.query(`SELECT id, open FROM ${s}.rm_kindergarten_overview_cases WHERE kindergarten_id = $1 ORDER BY open`, [kg])).toEqual([
      { id: closed, open: false },
      { id: open, open: true },
    ]);
    expect(await overview.get(kg)).toEqual({
      id: kg,
      name: '城关镇第一幼儿园',
      township: '城关镇',
      ownership: 'public',
      registeredAt: '2025-03-01T09:00:00.000+08:00',
      disclosure: {
        teachers: 10,
        caregivers: 5,
        children: 120,
        monthlyFeeYuan: 300.5,
        notes: '内部备注',
        publishedAt: '2025-03-02T09:00:00.000+08:00',
      },
      closed: false,
      closure: null,
      enrolmentStatus: 'suspended',
      enrolmentVersion: 1,
      suspension: { rectificationId: closed, effectiveFrom: '2025-04-01', reason: '整改不合格', suspendedAt: '2025-03-21T10:00:00.000+08:00' },
      // a v1 suspension, decided without a proposal (陈述申辩 came with v1.1)
      enrolment: {
        status: 'suspended',
        suspension: { rectificationId: closed, effectiveFrom: '2025-04-01', reason: '整改不合格', decidedAt: '2025-03-21T10:00:00.000+08:00' },
      },
      openRectifications: 1,
      latestAnnual: { year: 2025, outcome: 'failed' },
      latestQuality: null,
      version: 2,
    });
  });

  it('ignores an event delivered twice, in the same batch or a later one', async () => {
    const kg = `kg-${randomUUID()}`;
    const id = `rc-${randomUUID()}`;
    const events = [registered(kg), issued(kg, id, false), acknowledged(id), suspended(kg, id)];
    await pglite.transaction((tx) => kindergartenOverviewProjection.apply(tx, [...events, events[2]!, events[0]!], s));
    const once = await overview.get(kg);
    await pglite.transaction((tx) => kindergartenOverviewProjection.apply(tx, events, s));
    expect(await overview.get(kg)).toEqual(once);
    expect(once).toMatchObject({ version: 1, enrolmentVersion: 1, openRectifications: 1, enrolmentStatus: 'suspended' });
    expect(await pglite.query(`SELECT version FROM ${s}.rm_kindergarten_overview_cases WHERE id = $1`, [id])).toEqual([{ version: 2 }]);
  });

  it('lists only registered kindergartens, filtered by enrolment status', async () => {
    const kg = `kg-${randomUUID()}`;
    const orphan = `kg-${randomUUID()}`;
    await pglite.transaction((tx) => kindergartenOverviewProjection.apply(tx, [registered(kg), suspended(orphan, 'rc-x')], s));
    expect(await overview.get(orphan)).toBeNull();
    const open = await overview.list({ ids: [kg, orphan], enrolmentStatus: 'open' });
    expect(open.items.map((item) => item.id)).toEqual([kg]);
    expect((await overview.listPublic(undefined, 1000)).items.find((item) => item.id === kg)).toMatchObject({
      disclosure: null,
      enrolmentStatus: 'open',
    });
  });
});

describe('the kindergarten overview after an update and a closure', () => {
  it('follows the new name, township and ownership, shows the closure, and finds it by part of its name', async () => {
    const kg = `kg-${randomUUID()}`;
    const name = `更名后${randomUUID()}幼儿园`;
    const updated = stored(`kindergarten-${kg}`, 2, 'KindergartenUpdated', {
      kindergartenId: kg,
      name,
      township: 'honghe',
      ownership: 'private',
      previous: { name: '城关镇第一幼儿园', township: '城关镇', ownership: 'public' },
      updatedAt: '2025-03-05T09:00:00.000+08:00',
    });
    const closure = { closedOn: '2025-08-31', reason: '停止办园', closedAt: '2025-08-31T09:00:00.000+08:00' };
    const closedEvent = stored(`kindergarten-${kg}`, 3, 'KindergartenClosed', { kindergartenId: kg, ...closure });
    await pglite.transaction((tx) => kindergartenOverviewProjection.apply(tx, [registered(kg), updated], s));
    await pglite.transaction((tx) => kindergartenOverviewProjection.apply(tx, [closedEvent], s));
    expect(await overview.get(kg)).toMatchObject({ name, township: 'honghe', ownership: 'private', closed: true, closure, version: 3 });
    expect((await overview.list({ q: name.slice(3, 20), township: 'honghe' })).items.map((item) => item.id)).toEqual([kg]);
    expect((await overview.list({ q: name.slice(3, 20), township: '城关镇' })).items).toEqual([]);
    expect((await overview.listPublic(undefined, 1000)).items.find((item) => item.id === kg)).toMatchObject({ closed: true, closedOn: '2025-08-31' });
  });
});

describe('the public board projection', () => {
  it('gives its kept answer again while the projection has not moved, and reads again once it has', async () => {
    const kg = `kg-${randomUUID()}`;
    const [first, second] = [`rc-${randomUUID()}`, `rc-${randomUUID()}`];
    await applyBoard([registered(kg), issued(kg, first, true)]);
    const reads: string[] = [];
    const spied = new PublicBoard(
      {
        query: (sql: string, parameters?: readonly unknown[]) => {
          reads.push(sql.includes('projection_checkpoints') ? 'checkpoint' : 'board');
          return pglite.query(sql, parameters as unknown[]);
        },
      } as unknown as PgliteClient,
      { DATABASE_SCHEMA: schema } as Settings,
    );
    const mine = async () => (await spied.notices()).board.notices.filter((notice) => notice.kindergarten.id === kg).map((notice) => notice.id);
    const [once, twice] = await Promise.all([mine(), mine()]);
    expect(once).toEqual([first]);
    expect(twice).toEqual([first]);
    expect(await mine()).toEqual([first]);
    // notices and suspensions: two queries, once
    expect(reads.filter((read) => read === 'board')).toHaveLength(2);
    await applyBoard([issued(kg, second, true)]);
    expect(await mine()).toEqual(expect.arrayContaining([first, second]));
    expect(reads.filter((read) => read === 'board')).toHaveLength(4);
  });

  it('shows published notices with the kindergarten’s name, and the suspensions in force; a duplicated event changes nothing', async () => {
    const kg = `kg-${randomUUID()}`;
    const [published, unpublished] = [`rc-${randomUUID()}`, `rc-${randomUUID()}`];
    const events = [registered(kg), issued(kg, published, true), acknowledged(published), issued(kg, unpublished, false), suspended(kg, published)];
    await applyBoard([...events, events[2]!]);
    await applyBoard([events[1]!, events[4]!]);
    const answer = await board.notices();
    // the text served is the board's JSON
    expect(JSON.parse(answer.json)).toEqual(answer.board);
    const { notices, suspensions } = answer.board;
    expect(notices.filter((notice) => notice.kindergarten.id === kg)).toEqual([
      {
        id: published,
        kindergarten: { id: kg, name: '城关镇第一幼儿园' },
        findings: ['消防通道堆放杂物'],
        issuedAt: '2025-03-03T10:00:00.000+08:00',
        dueAt: '2025-03-17T23:59:59.999+08:00',
        status: 'acknowledged',
        overdue: false,
        // issued before v1.1: no document number
        documentNo: null,
        withdrawal: null,
      },
    ]);
    expect(suspensions.filter((suspension) => suspension.kindergarten.id === kg)).toEqual([
      { kindergarten: { id: kg, name: '城关镇第一幼儿园' }, effectiveFrom: '2025-04-01', reason: '整改不合格' },
    ]);
    expect(await pglite.query(`SELECT version FROM ${s}.rm_public_board_notices WHERE id = $1`, [published])).toEqual([{ version: 2 }]);
  });

  it('keeps a withdrawn notice, marked 已撤销 with the reason, and shows a notice published later with its document number', async () => {
    const kg = `kg-${randomUUID()}`;
    const [withdrawn, later] = [`rc-${randomUUID()}`, `rc-${randomUUID()}`];
    const numbered = (id: string, publish: boolean, n: number) => {
      const event = issued(kg, id, publish);
      return { ...event, data: { ...event.data, documentNo: `清教督改〔2025〕${n}号` } };
    };
    await applyBoard([
      registered(kg),
      numbered(withdrawn, true, 1),
      stored(`rectification-${withdrawn}`, 2, 'NoticeWithdrawn', {
        rectificationId: withdrawn,
        reason: '检查结论有误',
        withdrawnAt: '2025-03-05T10:00:00.000+08:00',
      }),
      numbered(later, false, 2),
      stored(`rectification-${later}`, 2, 'NoticePublished', { rectificationId: later, publishedAt: '2025-03-06T10:00:00.000+08:00' }),
    ]);
    const mine = (await board.notices()).board.notices.filter((notice) => notice.kindergarten.id === kg);
    expect(mine.map(({ id, documentNo, status, withdrawal }) => ({ id, documentNo, status, withdrawal }))).toEqual(
      expect.arrayContaining([
        {
          id: withdrawn,
          documentNo: '清教督改〔2025〕1号',
          status: 'withdrawn',
          withdrawal: { label: '已撤销', reason: '检查结论有误', withdrawnAt: '2025-03-05T10:00:00.000+08:00' },
        },
        { id: later, documentNo: '清教督改〔2025〕2号', status: 'issued', withdrawal: null },
      ]),
    );
    expect(mine).toHaveLength(2);
  });
});
