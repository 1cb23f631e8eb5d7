import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CommandRunner } from '@app/commands';
import { Settings } from '@app/config';
import { enrolmentDecider, enrolmentStreamId, latestProposal, type SuspensionProposal } from '@app/enrolment/domain';
import { NotFoundError } from '@app/event-sourcing';
import { canSeeKindergarten, type Caller } from '@app/identity';
import { GetKindergarten } from '@app/overviews';
import { Townships } from '@app/kindergartens';
import { GetBulletin, PlanRecord } from '@app/plan-supervision';
import type { Quarter, TownshipFigures } from '@app/plan-supervision/domain';
import { kindergartenDecider, kindergartenStreamId } from '@app/kindergartens/domain';
import { GetRectification } from '@app/rectifications';
import { OUTCOME_LABELS, REPORT_STANDING_LABELS, SEVERITY_LABELS, chineseDate, chineseNumber } from './chinese-text.js';
import { renderOfficialDocument, type Block } from './official-document.js';

/** A text as paragraphs, one per line it was written in. */
const paragraphs = (text: string): Block[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ text: line }));

/** A generated file: its bytes and the Chinese name it is downloaded under. */
export interface GeneratedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Official documents (.docx) rendered from the record as it stands, never from what a client sends. */
@Injectable()
export class Documents {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(Settings) private readonly settings: Settings,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(PlanRecord) private readonly record: PlanRecord,
    @Inject(Townships) private readonly townships: Townships,
  ) {}

  /** 整改通知书: authority, number, kindergarten, findings, requirements, deadline, date; only for those who may see the case. */
  async rectificationNotice(rectificationId: string, caller: Caller): Promise<GeneratedFile> {
    const notice = await this.queries.execute(new GetRectification(rectificationId));
    if (!notice || !canSeeKindergarten(caller, notice.kindergartenId)) throw new NotFoundError('not-found', 'No such rectification case');
    const kindergarten = await this.queries.execute(new GetKindergarten(notice.kindergartenId));
    const name = kindergarten?.name ?? notice.kindergartenId;
    // the document number comes with the cases of v1.1; a case recorded before it has none
    const documentNo = (notice as { documentNo?: string }).documentNo;
    const period = 'workingDays' in notice.deadline ? `（自通知下达之日起${notice.deadline.workingDays}个工作日内）` : '';
    const body: Block[] = [
      { text: '经督导检查，你园存在以下问题：' },
      ...notice.findings.map((finding, index) => ({
        text: `${chineseNumber(index + 1)}、${finding.description}（问题编号${finding.code}，${SEVERITY_LABELS[finding.severity] ?? finding.severity}）`,
      })),
      {
        text: `根据《清水河县学前教育普及普惠发展三年行动计划（2023—2025年）》（清政发〔2023〕52号）及有关规定，现责令你园对上述问题限期整改。请你园高度重视，对照问题逐项整改，落实整改责任人和整改措施。`,
      },
      { heading: '整改期限' },
      { text: `${chineseDate(notice.dueAt)}前${period}完成整改，并通过督导系统报送整改报告及证明材料。` },
      { text: '逾期未完成整改或整改后仍不达标的，将依法依规采取暂停招生等措施。' },
      { text: '特此通知。' },
    ];
    const bytes = await renderOfficialDocument({
      authority: this.settings.ISSUING_AUTHORITY,
      documentNo,
      title: '整改通知书',
      addressee: name,
      body,
      date: chineseDate(notice.issuedAt),
    });
    return { name: `整改通知书-${name}${documentNo ? `-${documentNo}` : ''}.docx`, bytes };
  }

  /**
   * 暂停招生告知书: the latest proposal (pending or decided) with its facts, reasons (the failed case) and basis, the
   * right to state and defend (陈述申辩) and its deadline. The route has checked that the caller may see the kindergarten.
   */
  async suspensionProposal(kindergartenId: string): Promise<GeneratedFile> {
    const { name, enrolment } = await this.enrolmentOf(kindergartenId);
    const proposal = latestProposal(enrolment);
    if (!proposal) throw new NotFoundError('no-proposal', 'No enrolment suspension has been proposed to this kindergarten');
    const body: Block[] = [
      { heading: '一、事实' },
      ...paragraphs(proposal.facts),
      { heading: '二、理由' },
      { text: await this.reasonsOf(proposal) },
      { heading: '三、依据' },
      ...paragraphs(proposal.basis),
      { text: `本局拟自${chineseDate(proposal.proposedFrom)}起暂停你园招生。` },
      { heading: '四、陈述申辩的权利' },
      {
        text: `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你园有权进行陈述和申辩。如有异议，请于${chineseDate(proposal.statementDueAt)}前（含当日）通过督导系统提交书面陈述申辩意见及有关证明材料，也可以书面声明放弃陈述申辩；逾期未提出的，视为放弃陈述申辩的权利。`,
      },
      { text: '特此告知。' },
    ];
    const bytes = await renderOfficialDocument({
      authority: this.settings.ISSUING_AUTHORITY,
      title: '暂停招生告知书',
      addressee: name,
      body,
      date: chineseDate(proposal.proposedAt),
    });
    return { name: `暂停招生告知书-${name}.docx`, bytes };
  }

  /**
   * 暂停招生决定书 (不予暂停招生决定书 for a withdrawn proposal): the facts, the statement quoted in full (or that it
   * was waived or not made), the decision's reason as the answer to it, the decision, its effective date and the remedies.
   */
  async suspensionDecision(kindergartenId: string): Promise<GeneratedFile> {
    const { name, enrolment } = await this.enrolmentOf(kindergartenId);
    const decision = enrolment.lastDecision;
    const proposal = decision?.proposal;
    if (!decision || !proposal) throw new NotFoundError('no-decision', 'No suspension proposal to this kindergarten has been decided');
    const suspends = decision.decision === 'suspend';
    const statement = proposal.statement;
    const body: Block[] = [
      {
        text: `本局于${chineseDate(proposal.proposedAt)}向你园送达《暂停招生告知书》，告知拟暂停你园招生的事实、理由和依据，以及你园依法享有的陈述、申辩权利。`,
      },
      { heading: '一、事实' },
      ...paragraphs(proposal.facts),
      { text: await this.reasonsOf(proposal) },
      { heading: '二、陈述申辩' },
      ...(statement
        ? [
            { text: `你园于${chineseDate(statement.submittedAt)}提出陈述申辩，全文如下：` },
            ...paragraphs(`“${statement.text}”`),
            ...(statement.attachments?.length
              ? [{ text: `所附材料：${statement.attachments.map((attachment) => attachment.name).join('、')}。` }]
              : statement.attachmentIds.length
                ? [{ text: `所附材料${statement.attachmentIds.length}份。` }]
                : []),
          ]
        : proposal.waivedAt
          ? [{ text: `你园于${chineseDate(proposal.waivedAt)}书面声明放弃陈述申辩。` }]
          : [{ text: `你园在陈述申辩期限（${chineseDate(proposal.statementDueAt)}）内未提出陈述申辩。` }]),
      { heading: statement ? '三、对陈述申辩的答复' : '三、理由' },
      ...paragraphs(decision.reason),
      { heading: '四、决定' },
      suspends
        ? {
            text: `依据${proposal.basis}，本局决定：自${chineseDate(decision.effectiveFrom ?? decision.decidedAt)}起暂停你园招生。经复查合格后，方可恢复招生。`,
          }
        : { text: '本局决定：不予暂停你园招生，撤销上述暂停招生告知。' },
      ...(suspends
        ? [
            { heading: '五、救济途径' },
            {
              text: '你园如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。',
            },
          ]
        : []),
    ];
    const title = suspends ? '暂停招生决定书' : '不予暂停招生决定书';
    const bytes = await renderOfficialDocument({
      authority: this.settings.ISSUING_AUTHORITY,
      title,
      addressee: name,
      body,
      date: chineseDate(decision.decidedAt),
    });
    return { name: `${title}-${name}.docx`, bytes };
  }

  /** The kindergarten's name and its enrolment as the record has it now; 404 for a kindergarten not registered. */
  private async enrolmentOf(kindergartenId: string) {
    const kindergarten = (await this.runner.load(kindergartenDecider, kindergartenStreamId(kindergartenId))).state;
    if (kindergarten.status !== 'registered') throw new NotFoundError('not-found', 'No such kindergarten');
    const enrolment = (await this.runner.load(enrolmentDecider, enrolmentStreamId(kindergartenId))).state;
    return { name: kindergarten.name, enrolment };
  }

  /** Why a suspension: the failed rectification case the proposal cites (整改后仍不达标). */
  private async reasonsOf(proposal: SuspensionProposal): Promise<string> {
    const notice = await this.queries.execute(new GetRectification(proposal.rectificationId));
    const documentNo = (notice as { documentNo?: string } | null)?.documentNo;
    const findings = notice?.findings.map((finding) => finding.description).join('；');
    return `你园经督导检查存在${findings ? `“${findings}”等` : ''}问题，本局${notice ? `于${chineseDate(notice.issuedAt)}` : ''}下达整改通知书${documentNo ? `（${documentNo}）` : ''}责令限期整改，经复查整改后仍不达标。`;
  }

  /** The quarterly bulletin (督导通报) as published, with a table of the county's figures, one per township and one per unit. */
  async bulletin(quarter: Quarter): Promise<GeneratedFile> {
    const bulletin = await this.queries.execute(new GetBulletin(quarter));
    if (!bulletin) throw new NotFoundError('not-found', `No bulletin ${quarter.year}-Q${quarter.quarter} has been published`);
    const title = `${quarter.year}年第${chineseNumber(quarter.quarter)}季度学前教育督导通报`;
    const { inspections, notices, cases, suspensions, monthlyReports } = bulletin;
    const body: Block[] = [
      {
        text: `现将${quarter.year}年第${chineseNumber(quarter.quarter)}季度（截至${chineseDate(bulletin.asOf)}）全县幼儿园督导检查、限期整改及责任单位月度进展报告情况通报如下。`,
      },
      { heading: '一、督导检查和整改情况' },
      {
        text: `本季度完成督导检查${inspections.passed + inspections.failed}次，其中${OUTCOME_LABELS['passed']}${inspections.passed}次、${OUTCOME_LABELS['failed']}${inspections.failed}次，尚未完成${inspections.pending}次；下达整改通知${notices.issued}份，其中公开通报${notices.published}份。季度末在办整改事项${cases.open}件（逾期${cases.overdue}件），本季度办结${cases.closed}件，整改后仍不达标${cases.failed}件，暂停招生${suspensions.inForce}所。`,
      },
      {
        table: {
          header: ['检查合格', '检查不合格', '尚未完成', '下达整改', '在办整改', '逾期', '办结', '不达标', '暂停招生'],
          rows: [
            [
              inspections.passed,
              inspections.failed,
              inspections.pending,
              notices.issued,
              cases.open,
              cases.overdue,
              cases.closed,
              cases.failed,
              suspensions.inForce,
            ],
          ],
        },
      },
      { text: '各乡镇情况如下：' },
      {
        table: {
          header: ['乡镇', '幼儿园', '检查合格', '检查不合格', '尚未完成', '下达整改', '在办整改', '逾期', '办结', '不达标', '暂停招生'],
          rows: (await this.byTownship(quarter, bulletin.townships)).map((township) => [
            township.name,
            township.kindergartens,
            township.inspections.passed,
            township.inspections.failed,
            township.inspections.pending,
            township.notices.issued,
            township.cases.open,
            township.cases.overdue,
            township.cases.closed,
            township.cases.failed,
            township.suspensions,
          ]),
        },
      },
      { heading: '二、责任单位月度进展报告情况' },
      {
        text: `本季度应报月度进展报告${monthlyReports.onTime + monthlyReports.late + monthlyReports.missing}份，${REPORT_STANDING_LABELS['on-time']}报送${monthlyReports.onTime}份，${REPORT_STANDING_LABELS['late']}报送${monthlyReports.late}份，${REPORT_STANDING_LABELS['missing']}${monthlyReports.missing}份。`,
      },
      {
        table: {
          header: ['责任单位', '按时', '逾期', '未报'],
          rows: monthlyReports.units.map((unit) => [unit.name, unit.onTime, unit.late, unit.missing]),
        },
      },
      { text: '请各责任单位对照通报问题认真整改，按时报送月度进展报告。' },
    ];
    const bytes = await renderOfficialDocument({
      authority: this.settings.ISSUING_AUTHORITY,
      title,
      addressee: '各有关单位、各幼儿园',
      body,
      date: chineseDate(bulletin.publishedAt),
    });
    return { name: `${title}.docx`, bytes };
  }

  /**
   * The bulletin's figures per township as people read them (the register's name), one row per township however its
   * kindergartens' records name it. A bulletin published before townships were counted has them computed as it was,
   * from the record as it stood at the quarter's end.
   */
  private async byTownship(quarter: Quarter, published: readonly TownshipFigures[] | undefined): Promise<Array<TownshipFigures & { name: string }>> {
    const figures = published ?? (await this.record.bulletinContent(quarter)).townships ?? [];
    const rows = new Map<string, TownshipFigures & { name: string }>();
    for (const township of figures) {
      const id = this.townships.idOf(township.township) ?? township.township;
      const name = this.townships.all().find((entry) => entry.id === id)?.name ?? township.township;
      const row = rows.get(id);
      rows.set(id, row ? { ...sumFigures(row, township), name } : { ...township, township: id, name });
    }
    return [...rows.values()];
  }
}

const sumFigures = (a: TownshipFigures, b: TownshipFigures): TownshipFigures => ({
  township: a.township,
  kindergartens: a.kindergartens + b.kindergartens,
  inspections: {
    passed: a.inspections.passed + b.inspections.passed,
    failed: a.inspections.failed + b.inspections.failed,
    pending: a.inspections.pending + b.inspections.pending,
  },
  notices: { issued: a.notices.issued + b.notices.issued, published: a.notices.published + b.notices.published },
  cases: {
    open: a.cases.open + b.cases.open,
    overdue: a.cases.overdue + b.cases.overdue,
    closed: a.cases.closed + b.cases.closed,
    failed: a.cases.failed + b.cases.failed,
  },
  suspensions: a.suspensions + b.suspensions,
});
