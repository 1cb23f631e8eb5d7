// A province on PostgreSQL: kindergartens in townships over five years, the plan's responsible units and their monthly
// reports, suspensions and the sign-in log, generated through the domain's own deciders and written with the store's
// batch append, then the measurements of issue 15 item 3, each printed with its target.
// Usage: npm run bench:scale [-- --scale 0.01 --writers 8 --seconds 5 --keep]   (--scale 1: 20,000 kindergartens, ≈ 4 M events)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { formatShanghai, shanghaiDate } from '@app/calendar/domain';
import { createCalendar } from '@app/calendar/official';
import {
  SYSTEM_ACTOR,
  type Actor,
  type Command,
  type Event,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type StreamAppend,
} from '@app/event-sourcing';
import { PostgresEventStore } from '@app/event-store';
import { enrolmentDecider, enrolmentStreamId } from '@app/enrolment/domain';
import { annualInspectionId, inspectionDecider, inspectionStreamId } from '@app/inspections/domain';
import { NAME_BACKFILL } from '@app/kindergartens';
import { kindergartenDecider, kindergartenNameStreamId, kindergartenStreamId, type KindergartenNameEvent } from '@app/kindergartens/domain';
import {
  monthlyReportDecider,
  monthlyReportDueAt,
  monthlyReportStreamId,
  periodOf,
  planTaskDecider,
  planTaskStreamId,
  responsibleUnitDecider,
  responsibleUnitStreamId,
  tasksOfUnit,
  type MonthlyReportItem,
  type PlanTask,
} from '@app/plan-supervision/domain';
import {
  documentRegisterStreamId,
  formatDocumentNo,
  rectificationDecider,
  rectificationIdFor,
  rectificationStreamId,
  type DocumentNumberAssigned,
} from '@app/rectifications/domain';
import { migrate, PostgresClient } from '@app/sql';
import { signInLogDecider, signInStreamId, type SignInEvent } from '@app/users/domain';
import { Authenticator } from '../../apps/api/src/auth/authenticator.js';
import { report, timed, type Row } from '../support/report.js';
import { StreamBuilder, day, metadataAt } from '../support/generate.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.01' },
    writers: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const SCALE = Number(args.scale);
const KINDERGARTENS = Math.max(100, Math.round(20_000 * SCALE));
// Townships here are ids of the bench's own (t001 … t100), not the county's register (seeds/townships.json, 8 ids): the
// register is checked by the command path (KindergartenCommands), not by the decider, and the reads take any id
// (the statistics show an id the register lacks under its id).
const TOWNSHIPS = 100;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const CASE_SHARE = 0.3;
/** Of the cases: a follow-up inspection fails them (FollowUpFailed), as a suspension requires. */
const FAILED_SHARE = 0.05;
/** Of the failed cases: a suspension is proposed, the kindergarten states its case or waives it, and it is decided. */
const SUSPENDED_SHARE = 0.8;
/** Of the suspensions before the last year: a later follow-up passes and enrolment is reinstated. */
const REINSTATED_SHARE = 0.5;
// The plan's responsible units (200 at scale 1; at least 10), each leading or sharing 1–2 of its tasks, reporting
// every month from the plan's first (2023-01) to 2025-12: most on time, some late, some missing.
const UNITS = Math.max(10, Math.round(200 * SCALE));
const UNITS_PER_TASK = 5;
const TASKS = Math.ceil((UNITS * 1.5) / UNITS_PER_TASK);
const PERIODS = [2023, 2024, 2025].flatMap((year) => Array.from({ length: 12 }, (_, m) => periodOf(year, m + 1)));
const MONTHLY_REPORT_DUE_DAY = 5;
// Sign-ins per kindergarten and day (directors, the townships' supervisors, the units' staff), so that the whole
// province is ≈ 4 M events at scale 1; 4 % of the attempts fail.
const SIGN_INS_PER_WORKING_DAY = 0.095;
const SIGN_INS_PER_DAY_OFF = 0.01;
const SIGN_IN_FAILURES = 0.04;
/** Events per append: the store takes at most 1,024 (MAX_EVENTS_PER_APPEND). */
const APPEND_LIMIT = 1000;
/** The stream categories that grow with the units, not the kindergartens (for the figure at scale 1). */
const UNIT_KINDS = ['responsibleUnit', 'planTask', 'monthlyReport'];
const SECRET = 'bench-secret-that-is-at-least-32-characters';
const schema = `bench_scale_${randomUUID().replaceAll('-', '').slice(0, 10)}`;

/** A deterministic pseudo-random sequence (mulberry32): the same province on every run. */
const mulberry32 = (initial: number) => {
  let seed = initial;
  return (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
// one sequence per kind of generated record, each consumed in its own order (kindergarten, unit, day): the writers'
// interleaving changes nothing
const random = mulberry32(15);
const unitRandom = mulberry32(16);
const signInRandom = mulberry32(17);

const calendar = createCalendar();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const supervisor: Actor = { sub: 'scale-supervisor', role: 'supervisor', name: '基准督学' };
const admin: Actor = { sub: 'scale-admin', role: 'admin', name: '基准管理员' };

const FINDINGS = ['消防通道堵塞', '食品留样不全', '晨检记录缺失', '户外器械松动', '保育员资质不全', '药品管理混乱'];

/** What the read models must show of the generated province (checked through the API before the reads are loaded). */
const expected = { casesOfLastYear: 0, failedOfLastYear: 0, suspendedNow: 0 };

/** The year registers of document numbers (文号), filled in kindergarten order; appended once every notice is. */
const documentNumbers = new Map<number, NewEvent[]>();
const nextDocumentNo = (year: number, rectificationId: string, issuedAt: string, metadata: EventMetadata): string => {
  const register = documentNumbers.get(year) ?? [];
  documentNumbers.set(year, register);
  const n = register.length + 1;
  const documentNo = formatDocumentNo('清教督改', year, n);
  const assigned: DocumentNumberAssigned = { type: 'DocumentNumberAssigned', data: { year, n, documentNo, rectificationId, assignedAt: issuedAt } };
  register.push({ ...assigned, metadata });
  return documentNo;
};

/** Every stream of one kindergarten over the five years. */
const kindergartenStreams = (k: number): StreamAppend[] => {
  const kindergartenId = `kg-${pad(k, 6)}`;
  const name = `第${k + 1}幼儿园`;
  const township = `t${pad((k % TOWNSHIPS) + 1, 3)}`;
  const director: Actor = { sub: `director-${kindergartenId}`, role: 'kindergarten', name: `${name}园长` };
  const streams: StreamBuilder<Command, Event, unknown, unknown>[] = [];
  const add = <C extends Command, E extends Event, S, Ctx>(builder: StreamBuilder<C, E, S, Ctx>) => {
    streams.push(builder as never);
    return builder;
  };
  const registered = day(2021, 1, 4);
  const kindergarten = add(new StreamBuilder(kindergartenStreamId(kindergartenId), kindergartenDecider)).run(
    { type: 'RegisterKindergarten', data: { kindergartenId, name, township, ownership: k % 3 === 0 ? 'private' : 'public' } },
    { now: registered, actor: admin, nameHolder: null },
    metadataAt(registered, admin),
  );
  // the name is reserved in the same write as the registration, as KindergartenCommands.register does
  const reserved: KindergartenNameEvent = {
    type: 'KindergartenNameReserved',
    data: { name, kindergartenId, reservedAt: formatShanghai(registered) },
  };
  const nameRegister = { streamId: kindergartenNameStreamId(name), events: [{ ...reserved, metadata: kindergarten.events[0]!.metadata }] };
  for (const year of YEARS) {
    const at = day(year, 3, 1);
    kindergarten.run(
      {
        type: 'PublishDisclosure',
        data: { teachers: 8 + (k % 20), caregivers: 4 + (k % 7), children: 90 + (k % 200), monthlyFeeYuan: 600 + (k % 15) * 50, notes: null },
      },
      { now: at, actor: director },
      metadataAt(at, director),
    );
  }
  const inspectionContext = (now: Date, actor: Actor) => ({ now, actor, kindergartenRegistered: true });
  /** A follow-up inspection of a case, concluded on the day it is scheduled. */
  const followUp = (inspectionId: string, year: number, month: number, date: number, outcome: 'passed' | 'failed') => {
    const on = day(year, month, date, 9);
    const concluded = day(year, month, date, 16);
    const inspection = add(new StreamBuilder(inspectionStreamId(inspectionId), inspectionDecider)).run(
      {
        type: 'ScheduleInspection',
        data: { inspectionId, kindergartenId, kind: 'follow-up', year, scheduledOn: shanghaiDate(on) },
      },
      inspectionContext(on, supervisor),
      metadataAt(on, supervisor),
    );
    if (outcome === 'failed') {
      inspection.run(
        { type: 'RecordFinding', data: { code: 'R1', description: '整改未到位', severity: 'major' } },
        inspectionContext(concluded, supervisor),
        metadataAt(concluded, supervisor),
      );
    }
    return inspection.run(
      { type: 'ConcludeInspection', data: { outcome, summary: outcome === 'failed' ? '复查仍不达标' : '复查合格' } },
      inspectionContext(concluded, supervisor),
      metadataAt(concluded, supervisor),
    );
  };
  // one enrolment stream per kindergarten, over all its years: appended only if something happened
  const enrolment = new StreamBuilder(enrolmentStreamId(kindergartenId), enrolmentDecider);
  for (const year of YEARS) {
    const inspectionId = annualInspectionId(kindergartenId, year);
    const scheduled = day(year, 4, 1 + (k % 25));
    const withCase = random() < CASE_SHARE;
    const findings = withCase ? 1 + Math.floor(random() * 3) : random() < 0.3 ? 1 : 0;
    const inspection = add(new StreamBuilder(inspectionStreamId(inspectionId), inspectionDecider)).run(
      { type: 'ScheduleInspection', data: { inspectionId, kindergartenId, kind: 'annual', year, scheduledOn: shanghaiDate(scheduled) } },
      inspectionContext(scheduled, supervisor),
      metadataAt(scheduled, supervisor),
    );
    const visited = day(year, 5, 1 + (k % 25));
    for (let f = 0; f < findings; f++) {
      inspection.run(
        {
          type: 'RecordFinding',
          data: { code: `F${f + 1}`, description: FINDINGS[(k + f) % FINDINGS.length]!, severity: f === 0 ? 'major' : 'minor' },
        },
        inspectionContext(visited, supervisor),
        metadataAt(visited, supervisor),
      );
    }
    inspection.run(
      { type: 'ConcludeInspection', data: { outcome: withCase ? 'failed' : 'passed', summary: withCase ? '存在问题，需整改' : '符合要求' } },
      inspectionContext(visited, supervisor),
      metadataAt(visited, supervisor),
    );
    // a safety inspection each quarter besides the annual one, now and then with a minor finding
    for (let quarter = 1; quarter <= 4; quarter++) {
      const safetyId = `safety-${year}-q${quarter}-${kindergartenId}`;
      const on = day(year, quarter * 3 - 1, 10 + (k % 15));
      const safety = add(new StreamBuilder(inspectionStreamId(safetyId), inspectionDecider)).run(
        { type: 'ScheduleInspection', data: { inspectionId: safetyId, kindergartenId, kind: 'safety', year, scheduledOn: shanghaiDate(on) } },
        inspectionContext(on, supervisor),
        metadataAt(on, supervisor),
      );
      if (random() < 0.2) {
        safety.run(
          { type: 'RecordFinding', data: { code: 'S1', description: FINDINGS[k % FINDINGS.length]!, severity: 'minor' } },
          inspectionContext(on, supervisor),
          metadataAt(on, supervisor),
        );
      }
      safety.run(
        { type: 'ConcludeInspection', data: { outcome: 'passed', summary: '安全检查完成' } },
        inspectionContext(on, supervisor),
        metadataAt(on, supervisor),
      );
    }
    if (!withCase) continue;

    const rectificationId = rectificationIdFor(inspectionId);
    const caseContext = (now: Date, actor: Actor, more: object = {}) => ({ now, actor, calendar, ...more });
    const issued = day(year, 5, 10);
    const dueAt = day(year, 6, 30, 17);
    const codes = Array.from({ length: findings }, (_, f) => `F${f + 1}`);
    const issuedMetadata = metadataAt(issued, supervisor);
    const rectification = add(new StreamBuilder(rectificationStreamId(rectificationId), rectificationDecider)).run(
      {
        type: 'IssueNotice',
        data: { rectificationId, kindergartenId, inspectionId, findingCodes: codes, deadline: { dueAt: dueAt.toISOString() }, publish: k % 2 === 0 },
      },
      caseContext(issued, supervisor, {
        kindergartenRegistered: true,
        inspection: inspection.state,
        documentNo: nextDocumentNo(year, rectificationId, formatShanghai(issued), issuedMetadata),
      }),
      issuedMetadata,
    );
    // ≈ 5 % fail at the follow-up; of the rest, the last year's cases are still open at different steps (the
    // reminders have something to reconcile)
    const fails = random() < FAILED_SHARE;
    if (year === YEARS.at(-1)) {
      expected.casesOfLastYear++;
      if (fails) expected.failedOfLastYear++;
    }
    const stage = fails ? 2 : year === YEARS.at(-1) ? Math.floor(random() * 3) : 4;
    const acknowledged = day(year, 5, 12);
    if (stage >= 1)
      rectification.run({ type: 'AcknowledgeNotice', data: {} }, caseContext(acknowledged, director), metadataAt(acknowledged, director));
    const submitted = day(year, 6, 20);
    if (stage >= 2) {
      rectification.run(
        {
          type: 'SubmitReport',
          data: { summary: '已完成整改', actions: codes.map((code) => ({ findingCode: code, action: '已整改到位' })), evidence: [] },
        },
        caseContext(submitted, director),
        metadataAt(submitted, director),
      );
    }
    const reviewed = day(year, 6, 25);
    if (stage >= 3) {
      rectification.run(
        { type: 'ReviewReport', data: { decision: 'accept', comment: '整改到位' } },
        caseContext(reviewed, supervisor),
        metadataAt(reviewed, supervisor),
      );
    }
    if (!fails) continue;

    // 整改后仍不达标: a follow-up inspection fails the case
    const check = followUp(`followup-${year}-${kindergartenId}`, year, 7, 6, 'failed');
    const recorded = day(year, 7, 7);
    rectification.run(
      { type: 'RecordFollowUp', data: { inspectionId: check.state.status === 'none' ? '' : check.state.id } },
      caseContext(recorded, supervisor, { inspection: check.state }),
      metadataAt(recorded, supervisor),
    );
    // 暂停招生 with due process, when enrolment is open and no proposal is pending
    if (random() >= SUSPENDED_SHARE || enrolment.state.status !== 'open' || enrolment.state.proposal) continue;
    const proposed = day(year, 7, 8);
    enrolment.run(
      {
        type: 'ProposeSuspension',
        data: {
          kindergartenId,
          rectificationId,
          facts: '复查仍不达标',
          basis: '《幼儿园管理条例》第二十七条',
          proposedFrom: shanghaiDate(day(year, 7, 20)),
        },
      },
      { now: proposed, actor: supervisor, rectification: rectification.state, calendar, statementWorkingDays: 3 },
      metadataAt(proposed, supervisor),
    );
    const spoken = day(year, 7, 9);
    enrolment.run(
      random() < 0.6
        ? { type: 'SubmitStatement', data: { kindergartenId, text: '我园已追加整改，请求暂缓处理', attachmentIds: [] } }
        : { type: 'WaiveStatement', data: { kindergartenId } },
      { now: spoken, actor: director },
      metadataAt(spoken, director),
    );
    const decided = day(year, 7, 14);
    enrolment.run(
      { type: 'DecideSuspension', data: { kindergartenId, decision: 'suspend', reason: '陈述理由不能成立，整改仍未到位' } },
      { now: decided, actor: supervisor },
      metadataAt(decided, supervisor),
    );
    if (year === YEARS.at(-1) || random() >= REINSTATED_SHARE) continue;
    const passed = followUp(`followup-${year}-reinstate-${kindergartenId}`, year, 10, 15, 'passed');
    const reinstated = day(year, 10, 16);
    enrolment.run(
      {
        type: 'ReinstateEnrolment',
        data: { kindergartenId, inspectionId: passed.state.status === 'none' ? '' : passed.state.id, reason: '复查合格' },
      },
      { now: reinstated, actor: supervisor, inspection: passed.state },
      metadataAt(reinstated, supervisor),
    );
  }
  if (enrolment.events.length > 0) add(enrolment);
  if (enrolment.state.status === 'suspended') expected.suspendedNow++;
  return [...streams.map((stream) => stream.append), { ...nameRegister, expectedVersion: 'no-stream' }];
};

/** The plan's reference data as the bench registers it: its own units and tasks, each unit with 1–2 tasks. */
const unitIdOf = (u: number) => `u${pad(u + 1, 3)}`;
const planTasks: PlanTask[] = Array.from({ length: TASKS }, (_, t) => {
  const units = [...new Set(Array.from({ length: UNITS_PER_TASK }, (_, j) => unitIdOf((t * UNITS_PER_TASK + j) % UNITS)))];
  return {
    taskNo: t + 1,
    group: `（${(t % 6) + 1}）重点任务组`,
    title: `重点任务${t + 1}`,
    summary: '按计划推进学前教育普及普惠',
    timeNodes: ['2025年底前完成'],
    leadUnits: units.slice(0, 1),
    responsibleUnits: units.slice(1),
    note: null,
  };
});

const referenceStreams = (): StreamAppend[] => {
  const registered = day(2023, 1, 3);
  const units = Array.from({ length: UNITS }, (_, u) =>
    new StreamBuilder(responsibleUnitStreamId(unitIdOf(u)), responsibleUnitDecider).run(
      {
        type: 'RegisterResponsibleUnit',
        data: { unitId: unitIdOf(u), name: `责任单位${u + 1}`, kind: u % 4 === 0 ? 'township' : u % 4 === 3 ? 'other' : 'bureau', note: null },
      },
      { now: registered, actor: admin },
      metadataAt(registered, admin),
    ),
  );
  const taskRegistered = day(2023, 1, 4);
  const registeredUnits = units.map((_, u) => unitIdOf(u));
  const tasks = planTasks.map((task) =>
    new StreamBuilder(planTaskStreamId(task.taskNo), planTaskDecider).run(
      { type: 'RegisterPlanTask', data: task },
      { now: taskRegistered, actor: admin, registeredUnits },
      metadataAt(taskRegistered, admin),
    ),
  );
  return [...units, ...tasks].map((stream) => stream.append);
};

/** One unit's monthly reports, 2023-01 … 2025-12: on time (85 %), late after the engine recorded them missing (8 %), or missing. */
const unitStreams = (u: number): StreamAppend[] => {
  const unitId = unitIdOf(u);
  const department: Actor = { sub: `dept-${unitId}`, role: 'department', name: `责任单位${u + 1}联络员` };
  const unitTasks = tasksOfUnit(unitId, planTasks);
  const knownTasks = planTasks.map((task) => task.taskNo);
  return PERIODS.map((period, p) => {
    const report = new StreamBuilder(monthlyReportStreamId(unitId, period), monthlyReportDecider);
    const [year, month] = period.split('-').map(Number) as [number, number];
    const context = (now: Date, actor: Actor) => ({ now, actor, dueDay: MONTHLY_REPORT_DUE_DAY, unitRegistered: true, knownTasks, unitTasks });
    const items = (): MonthlyReportItem[] =>
      unitTasks.map((taskNo) => {
        const r = unitRandom();
        return { taskNo, status: p >= PERIODS.length - 3 && r < 0.5 ? 'done' : r < 0.1 ? 'at-risk' : 'on-track', progress: '按计划推进' };
      });
    const outcome = unitRandom();
    if (outcome < 0.85) {
      const at = day(year, month + 1, 1 + Math.floor(unitRandom() * MONTHLY_REPORT_DUE_DAY), 9 + Math.floor(unitRandom() * 8));
      report.run({ type: 'SubmitMonthlyReport', data: { unitId, period, items: items() } }, context(at, department), metadataAt(at, department));
      return report.append;
    }
    // the engine records the report missing the day after it was due
    const missed = new Date(Date.parse(monthlyReportDueAt(period, MONTHLY_REPORT_DUE_DAY)) + 3_600_000);
    report.run({ type: 'MarkMonthlyReportMissed', data: { unitId, period } }, context(missed, SYSTEM_ACTOR), metadataAt(missed, SYSTEM_ACTOR));
    if (outcome < 0.93) {
      const at = day(year, month + 1, 8 + Math.floor(unitRandom() * 12));
      report.run({ type: 'SubmitMonthlyReport', data: { unitId, period, items: items() } }, context(at, department), metadataAt(at, department));
    }
    return report.append;
  });
};

/** Every day of the five years, as Shanghai dates. */
const DAYS = Array.from({ length: (Date.UTC(YEARS.at(-1)! + 1, 0, 1) - Date.UTC(YEARS[0]!, 0, 1)) / 86_400_000 }, (_, d) =>
  new Date(Date.UTC(YEARS[0]!, 0, 1 + d)).toISOString().slice(0, 10),
);

/** One day's sign-in log (`signins-{date}`): directors, the townships' supervisors and the units' staff, some failing. */
const signInStream = (date: string): StreamAppend => {
  const rate = calendar.isWorkingDay(date) ? SIGN_INS_PER_WORKING_DAY : SIGN_INS_PER_DAY_OFF;
  const count = Math.round(KINDERGARTENS * rate * (0.8 + 0.4 * signInRandom()));
  const minutes = Array.from({ length: count }, () => 450 + Math.floor(signInRandom() * 810)).sort((a, b) => a - b);
  const [year, month, date_] = date.split('-').map(Number) as [number, number, number];
  const log = new StreamBuilder(signInStreamId(day(year, month, date_)), signInLogDecider);
  for (const minute of minutes) {
    const at = day(year, month, date_, 0, minute);
    const pick = signInRandom();
    const user: Actor =
      pick < 0.85
        ? { sub: `director-kg-${pad(Math.floor(signInRandom() * KINDERGARTENS), 6)}`, role: 'kindergarten' }
        : pick < 0.95
          ? { sub: `supervisor-t${pad(1 + Math.floor(signInRandom() * TOWNSHIPS), 3)}`, role: 'supervisor' }
          : { sub: `dept-${unitIdOf(Math.floor(signInRandom() * UNITS))}`, role: 'department' };
    const failed = signInRandom() < SIGN_IN_FAILURES;
    const event: SignInEvent = failed
      ? signInRandom() < 0.25
        ? { type: 'UserSignInFailed', data: { username: `${user.sub}x`, reason: 'unknown-user' } }
        : { type: 'UserSignInFailed', data: { username: user.sub, reason: 'wrong-password' } }
      : { type: 'UserSignedIn', data: { userId: user.sub, method: signInRandom() < 0.9 ? 'password' : 'oidc' } };
    const actor = failed ? SYSTEM_ACTOR : { ...user, name: user.sub };
    log.run({ type: 'RecordSignIn', data: { event } }, { now: at, actor }, metadataAt(at, actor));
  }
  return log.append;
};

const rows: Row[] = [];
/** Reads that got no 2xx answer at all: the bench fails after printing its figures. */
const failedReads: string[] = [];
let kinds = '';
const figure = (workload: string, value: number, unit: string, target: string, met: boolean, why = '', baseline?: Row['baseline']) =>
  rows.push({
    workload: `${workload} — target ${target}: ${met ? 'met' : `NOT met${why ? ` (${why})` : ''}`}`,
    subject: 'engine',
    value,
    unit,
    lowerIsBetter: unit === 'ms' || unit === 'MB' || unit === 's',
    ...(baseline ? { baseline } : {}),
  });

const env = {
  EVENT_STORE: 'postgres',
  DATABASE_URL: args.database!,
  DATABASE_SCHEMA: schema,
  AUTH_JWT_SECRET: SECRET,
  SEED_ON_EMPTY: 'false',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  // production refuses to start without it (the first admin's one-time password; nobody signs in here)
  ADMIN_INITIAL_PASSWORD: 'Bench-Admin-Initial-1',
  DATA_DIR: tmpdir(),
  QUEUE_PREFIX: `bench-scale-${schema}`,
  // 16 clients from one address: the public board's per-address limit would answer 429s
  PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
};

/** A CLI from source (`.ts`, through the SWC loader) or compiled (`.js` under `dist/`), under GNU time for its peak RSS. */
const child = (file: string, argv: string[] = []) =>
  new Promise<{ seconds: number; peakMb: number; output: string }>((resolve, reject) => {
    const started = performance.now();
    const loader = file.endsWith('.ts') ? ['--import', '@swc-node/register/esm-register'] : [];
    const run = spawn(
      '/usr/bin/time',
      ['-f', 'PEAK %M', process.execPath, '--no-warnings', ...loader, file, ...argv],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.on('exit', (code) => {
      const peak = /PEAK (\d+)/.exec(output);
      if (code !== 0) reject(new Error(`${file} exited with ${code}: ${output.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak ? Number(peak[1]) / 1024 : NaN, output });
    });
  });

/** The reconcile's jobs are this bench's own: its queue prefix is emptied afterwards. */
const removeQueueKeys = async (): Promise<void> => {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
};

const database = new PostgresClient({ connectionString: args.database!, maxConnections: Number(args.writers) + 2 });
const store = await PostgresEventStore.connect({ client: database, schema, listen: false });
try {
  // 1. generation: each kindergarten's streams (and each unit's reports) decided in memory, then written in one
  // multi-stream batch append; each day's sign-in log in appends of at most 1,000 events; the year registers of
  // document numbers last, in the order the numbers were given
  const perKind = new Map<string, number>();
  let events = 0;
  const write = async (appends: readonly StreamAppend[]) => {
    for (const { streamId, events: batch } of appends) {
      const kind = streamId.slice(0, streamId.indexOf('-'));
      perKind.set(kind, (perKind.get(kind) ?? 0) + batch.length);
      events += batch.length;
    }
    if (appends.reduce((sum, append) => sum + append.events.length, 0) <= APPEND_LIMIT) {
      await store.appendToStreams(appends);
      return;
    }
    for (const { streamId, events: batch } of appends) {
      let expectedVersion: ExpectedVersion = 'no-stream';
      for (let from = 0; from < batch.length; from += APPEND_LIMIT) {
        ({ nextExpectedVersion: expectedVersion } = await store.appendToStream(streamId, batch.slice(from, from + APPEND_LIMIT), {
          expectedVersion,
        }));
      }
    }
  };
  // jobs in a fixed order, each decided synchronously when a writer takes it: the same province whatever the interleaving
  const work: (() => StreamAppend[])[] = [
    ...Array.from({ length: KINDERGARTENS }, (_, k) => () => kindergartenStreams(k)),
    ...Array.from({ length: UNITS }, (_, u) => () => unitStreams(u)),
    ...DAYS.map((date) => () => [signInStream(date)]),
  ];
  let nextJob = 0;
  const generated = await timed(async () => {
    await write(referenceStreams());
    await Promise.all(
      Array.from({ length: Number(args.writers) }, async () => {
        while (nextJob < work.length) await write(work[nextJob++]!().filter((append) => append.events.length > 0));
      }),
    );
    for (const [year, register] of documentNumbers)
      await write([{ streamId: documentRegisterStreamId(year), events: register, expectedVersion: 'no-stream' }]);
  });
  // the names were reserved with the registrations, as on a store begun with v1.1: the worker's one-off backfill of
  // earlier kindergartens' names has nothing to do (recorded done as that worker records it)
  await migrate(database, schema, NAME_BACKFILL, ['SELECT 1']);
  const scaleOneFactor = (kind: string) => (UNIT_KINDS.includes(kind) ? 200 / UNITS : 20_000 / KINDERGARTENS);
  const atScaleOne = [...perKind].reduce((sum, [kind, count]) => sum + count * scaleOneFactor(kind), 0);
  kinds = `events per kind (stream category): ${[...perKind]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, count]) => `${kind} ${count.toLocaleString('en-US')}`)
    .join(', ')}; at scale 1 ≈ ${(atScaleOne / 1e6).toFixed(2)} M events in all`;
  console.log(kinds);
  figure(
    `generate ${KINDERGARTENS.toLocaleString('en-US')} kindergartens × ${YEARS.length} years, ${UNITS} units' monthly reports, ${DAYS.length.toLocaleString('en-US')} days of sign-ins (${events.toLocaleString('en-US')} events; at scale 1 ≈ ${(atScaleOne / 1e6).toFixed(2)} M; per kind below)`,
    events / generated.seconds,
    'events/s',
    'none',
    true,
  );

  // 2. whole-store verification
  const verified = await timed(() => store.verifyAll());
  if (!verified.result.ok) throw new Error('the generated store does not verify');
  const verifyRate = events / verified.seconds;
  // the machine's own floor in the same run: the log read page by page, nothing hashed
  const plain = await timed(async () => {
    for (let after = 0; ;) {
      const page = await database.query<{ position: string }>(`SELECT * FROM "${schema}".events WHERE position > $1 ORDER BY position LIMIT 5000`, [
        after,
      ]);
      if (page.length === 0) return;
      after = Number(page.at(-1)!.position);
    }
  });
  figure('verify the whole store (in process)', verifyRate, 'events/s', '≥ 100,000 events/s', verifyRate >= 100_000, undefined, {
    subject: 'plain paged read of the log',
    value: events / plain.seconds,
  });
  // and as an auditor runs it: the compiled tool in a process of its own (the bench's process holds the generator's heap)
  console.log('building the CLI (nest build cli)…');
  await new Promise<void>((resolve, reject) =>
    spawn('npx', ['nest', 'build', 'cli'], { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`nest build cli: ${code}`)))),
  );
  const cliVerified = await child('dist/apps/cli/apps/cli/src/audit.js', ['verify']);
  const cliRate = events / cliVerified.seconds;
  figure('verify the whole store (`audit verify`, compiled, with its start-up)', cliRate, 'events/s', '≥ 100,000 events/s', cliRate >= 100_000, undefined, {
    subject: 'plain paged read of the log',
    value: events / plain.seconds,
  });

  // 3. projections rebuilt from zero (the CLI, as an operator runs it)
  const rebuilt = await child('apps/cli/src/projections-rebuild.ts');
  const atScale1 = (rebuilt.seconds * atScaleOne) / events;
  figure(
    `rebuild every projection from zero (CLI; at scale 1 ≈ ${Math.round(atScale1)} s by proportion)`,
    rebuilt.seconds,
    's',
    '≤ 600 s at scale 1',
    atScale1 <= 600,
  );

  // 4. reminders reconciled for every open case (CLI, its own queue prefix; the keys are removed afterwards)
  const reconciled = await child('apps/cli/src/reminders-reconcile.ts');
  const jobs = /desired (\d+)/.exec(reconciled.output)?.[1] ?? '?';
  figure(
    `reconcile the reminders of every open case (CLI with its start-up; ${jobs} reminder jobs)`,
    reconciled.seconds,
    's',
    '≤ 60 s',
    reconciled.seconds <= 60,
  );
  await removeQueueKeys();

  // 5. reads with 16 concurrent clients against the engine in its own process. Every caller is a registered user
  // since v1.1: the engine registers the one the token names (BENCH_USERS), and a token must carry `exp`.
  const engine = spawn(process.execPath, ['--no-warnings', '--import', '@swc-node/register/esm-register', 'bench/api/serve.ts'], {
    env: { ...process.env, ...env, RUN_REMINDERS: 'false', BENCH_USERS: JSON.stringify([{ id: supervisor.sub, role: 'supervisor' }]) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      engine.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /READY (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      engine.on('exit', (code) => reject(new Error(`engine exited with ${code}`)));
    });
    const token = new Authenticator(SECRET).sign({ sub: supervisor.sub, role: 'supervisor' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof claims.exp !== 'number') throw new Error('the bench token carries no exp: the engine refuses such tokens');
    const rss = async () => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${engine.pid}/status`, 'utf8'))![1]) / 1024;
    const kindergartenOf = (n: number) => `kg-${pad(n % KINDERGARTENS, 6)}`;
    const reads: { name: string; path: (n: number) => string; signedIn: boolean }[] = [
      { name: 'the dashboard statistics (GET /statistics/overview?year=2025)', path: () => '/api/v1/statistics/overview?year=2025', signedIn: true },
      {
        name: 'a filtered case list (open cases of one township)',
        path: (n) => `/api/v1/rectifications?status=open&township=t${pad((n % TOWNSHIPS) + 1, 3)}`,
        signedIn: true,
      },
      { name: 'a kindergarten page', path: (n) => `/api/v1/kindergartens/${kindergartenOf(n)}`, signedIn: true },
      { name: 'the public notices board (no token)', path: () => '/api/v1/public/notices', signedIn: false },
    ];
    const headers = (signedIn: boolean): Record<string, string> => (signedIn ? { authorization: `Bearer ${token}` } : {});
    // each read answers 200 once before it is loaded, or the bench stops here and says why
    for (const { name, path, signedIn } of reads) {
      const response = await fetch(`${url}${path(0)}`, { headers: headers(signedIn) });
      if (response.status !== 200) throw new Error(`${name}: ${path(0)} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    }
    // the read models hold what was generated: the kindergartens, the last year's cases and the suspensions in force,
    // and the units' monthly reports
    const overview = (await (await fetch(`${url}/api/v1/statistics/overview?year=${YEARS.at(-1)}`, { headers: headers(true) })).json()) as {
      totals: { kindergartens: number; cases: Record<'open' | 'closed' | 'failed' | 'withdrawn', number>; suspensions: number };
    };
    const { totals } = overview;
    const seen = {
      kindergartens: totals.kindergartens,
      casesOfLastYear: totals.cases.open + totals.cases.closed + totals.cases.failed + totals.cases.withdrawn,
      failedOfLastYear: totals.cases.failed,
      suspendedNow: totals.suspensions,
    };
    const wanted = { kindergartens: KINDERGARTENS, ...expected };
    if (JSON.stringify(seen) !== JSON.stringify(wanted)) {
      throw new Error(`the statistics do not show the generated province: ${JSON.stringify(seen)}, generated ${JSON.stringify(wanted)}`);
    }
    const reports = (await (
      await fetch(`${url}/api/v1/monthly-reports?period=2025-06&unitId=${unitIdOf(0)}`, { headers: headers(true) })
    ).json()) as {
      items: unknown[];
    };
    if (reports.items.length !== 1) throw new Error(`unit ${unitIdOf(0)} shows ${reports.items.length} reports for 2025-06, not 1`);
    console.log(`the read models show the province: ${JSON.stringify(seen)}`);
    let peakRss = await rss();
    const load = (path: (n: number) => string, signedIn: boolean) => {
      let n = 0;
      return autocannon({
        url,
        connections: 16,
        duration: Number(args.seconds),
        requests: [{ method: 'GET', headers: headers(signedIn), setupRequest: (request) => ({ ...request, path: path(n++) }) }],
      });
    };
    // the floor in the same run: the same process answering without the database, under the same 16 clients
    const floor = await load(() => '/health/live', false);
    for (const { name, path, signedIn } of reads) {
      const result = await load(path, signedIn);
      peakRss = Math.max(peakRss, await rss());
      const errors = result.non2xx + result.errors;
      if (result['2xx'] === 0) failedReads.push(`${name}: no 2xx answer of ${errors} (${path(0)})`);
      figure(
        `${name}: p50 ${result.latency.p50} ms, ${Math.round(result.requests.average)} req/s${errors ? `, ${errors} errors` : ''}`,
        result.latency.p99,
        'ms',
        'p99 ≤ 100 ms',
        result.latency.p99 <= 100 && errors === 0,
        errors ? `${errors} non-2xx or failed requests` : '',
        { subject: `GET /health/live, no database (p50 ${floor.latency.p50} ms)`, value: floor.latency.p99 },
      );
    }
    figure('API process RSS (highest seen during the reads)', peakRss, 'MB', '≤ 512 MB', peakRss <= 512);
  } finally {
    engine.kill('SIGTERM');
    await new Promise((resolve) => engine.once('exit', resolve));
  }

  // 6. the audit export of the whole store, peak RSS: the auditor's tool as deployed (compiled), as bench:audit runs it
  // (from source, the SWC loader adds ≈ 20–100 MB of its own)
  const exported = await child('dist/apps/cli/apps/cli/src/audit.js', ['export', '--out', '/dev/null']);
  figure(
    `audit export of the whole store, compiled CLI (${Math.round(events / exported.seconds).toLocaleString('en-US')} events/s with start-up)`,
    exported.peakMb,
    'MB',
    '< 300 MB peak RSS',
    exported.peakMb < 300,
  );
} finally {
  if (!args.keep) await database.exec(`DROP SCHEMA "${schema}" CASCADE`);
  await store.close();
  await database.close();
}
await report('scale', rows, {
  scale: SCALE,
  kindergartens: KINDERGARTENS,
  townships: TOWNSHIPS,
  years: YEARS.length,
  units: UNITS,
  kinds,
  schema: args.keep ? schema : null,
});
console.log(kinds);
if (failedReads.length > 0) {
  console.error(`\nFAILED: these reads got no successful answer, their figures measure refusals:\n  ${failedReads.join('\n  ')}`);
  process.exitCode = 1;
}
