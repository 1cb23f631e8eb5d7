import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_STATUSES } from '@app/plan-supervision/domain';

class UnitRefResponse {
  @ApiProperty({ example: 'county-education-bureau' }) id: string;
  @ApiProperty({ example: '县教育局' }) name: string;
}

export class PlanTaskResponse {
  @ApiProperty({ example: 15 }) taskNo: number;
  @ApiProperty({ example: '（六）加强监督管理，规范幼儿园办园行为' }) group: string;
  @ApiProperty({ example: '规范办园行为' }) title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String], description: 'The time nodes (时间节点) the plan sets' }) timeNodes: string[];
  @ApiProperty({ type: [UnitRefResponse], description: '牵头单位' }) leadUnits: UnitRefResponse[];
  @ApiProperty({ type: [UnitRefResponse], description: '责任单位' }) responsibleUnits: UnitRefResponse[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class PlanTaskList {
  @ApiProperty({ type: [PlanTaskResponse] }) items: PlanTaskResponse[];
  @ApiProperty({ required: false }) next?: string;
}

class MonthlyReportItemResponse {
  @ApiProperty() taskNo: number;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty() progress: string;
}

class MonthlyReportEvidenceResponse {
  @ApiProperty({ description: 'GET /attachments/{id}' }) attachmentId: string;
  @ApiPropertyOptional() caption?: string;
  @ApiProperty() name: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sha256: string;
  @ApiProperty() sizeBytes: number;
}

class ReportVersionResponse {
  @ApiProperty({ type: [MonthlyReportItemResponse] }) items: MonthlyReportItemResponse[];
  @ApiProperty({ type: [MonthlyReportEvidenceResponse] }) evidence: MonthlyReportEvidenceResponse[];
  @ApiProperty() filedAt: string;
}

export class MonthlyReportResponse {
  @ApiProperty({ type: UnitRefResponse }) unit: UnitRefResponse;
  @ApiProperty({ example: '2025-03' }) period: string;
  @ApiProperty({ example: '2025-04-05T23:59:59.999+08:00', description: 'End of the due day (MONTHLY_REPORT_DUE_DAY) of the following month' })
  dueAt: string;
  @ApiProperty({
    enum: ['on-time', 'late', 'pending', 'missing'],
    description: 'pending: not submitted and not yet due; missing: not submitted after dueAt',
  })
  status: string;
  @ApiProperty({ type: [MonthlyReportItemResponse] }) items: MonthlyReportItemResponse[];
  @ApiProperty({ type: [MonthlyReportEvidenceResponse], description: 'The uploads the report cites (the last version’s)' })
  evidence: MonthlyReportEvidenceResponse[];
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Submitted after dueAt (null while not submitted)' }) late: boolean | null;
  @ApiProperty({ type: [ReportVersionResponse], description: 'Every version filed, the first one first; an amendment adds one' })
  versions: ReportVersionResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'When the engine recorded MonthlyReportMissed' }) missedAt: string | null;
  @ApiProperty({ description: 'Version of monthlyReport-{unitId}-{period}; also the ETag' }) version: number;
}

export class MonthlyReportList {
  @ApiProperty({ type: [MonthlyReportResponse] }) items: MonthlyReportResponse[];
  @ApiProperty({ required: false }) next?: string;
}

export class BulletinResponse {
  @ApiProperty({ example: '2025-Q1' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty() publishedAt: string;
  @ApiProperty({ example: '2025-01-01T00:00:00.000+08:00' }) from: string;
  @ApiProperty({ example: '2025-03-31T23:59:59.999+08:00', description: 'The numbers are those of the record as it stood then' }) asOf: string;
  @ApiProperty({
    description: 'Inspections concluded in the quarter by outcome ({passed, failed, pending, byKind}); pending: not concluded at its end',
  })
  inspections: object;
  @ApiProperty({ description: '{issued, published}: rectification notices issued in the quarter' }) notices: object;
  @ApiProperty({ description: '{open, overdue, closed, failed}: open and overdue at the quarter’s end, closed and failed within it' }) cases: object;
  @ApiProperty({ description: '{inForce, kindergartenIds}: enrolment suspensions in force at the quarter’s end' }) suspensions: object;
  @ApiProperty({
    required: false,
    type: 'array',
    items: { type: 'object' },
    description:
      '[{township, kindergartens, inspections: {passed, failed, pending}, notices: {issued, published}, cases: {open, overdue, closed, failed}, suspensions}]: the same figures per township, as the kindergartens were registered at the quarter’s end (absent from bulletins published before townships were counted)',
  })
  townships?: object[];
  @ApiProperty({ description: '{periods, onTime, late, missing, units: [{unitId, name, onTime, late, missing, reports}]}' }) monthlyReports: object;
  @ApiProperty({ description: 'Version of bulletin-{YYYY}-Q{n}; also the ETag' }) version: number;
}

class AnnualInspectionRefResponse {
  @ApiProperty() kindergartenId: string;
  @ApiProperty({ example: 'annual-2025-cg-kg-01' }) inspectionId: string;
}

export class AssessmentResponse {
  @ApiProperty() year: number;
  @ApiProperty() openedAt: string;
  @ApiProperty({ description: 'Version of assessment-{YYYY}; also the ETag' }) version: number;
}

class UnitAssessmentResponse {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Monthly reports of the year owed so far (due by now, months after the unit was registered)' }) owed: number;
  @ApiProperty() onTime: number;
  @ApiProperty() late: number;
  @ApiProperty() missing: number;
  @ApiProperty({ nullable: true, type: Number, description: 'round(100 × (onTime + 0.5 × late) / owed); null when nothing was owed' })
  score: number | null;
}

class AnnualInspectionResultResponse {
  @ApiProperty() kindergartenId: string;
  @ApiProperty() inspectionId: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, enum: ['passed', 'failed'] }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) concludedAt: string | null;
}

class AnnualInspectionsResponse {
  @ApiProperty() scheduled: number;
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [AnnualInspectionResultResponse] }) items: AnnualInspectionResultResponse[];
}

export class AssessmentDetailResponse extends AssessmentResponse {
  @ApiProperty({ type: [UnitAssessmentResponse], description: 'The departments’ assessment (督导考核结果纳入年度考核)' })
  units: UnitAssessmentResponse[];
  @ApiProperty({ type: AnnualInspectionsResponse, description: 'The kindergartens’ annual inspections of the year and their results' })
  annualInspections: AnnualInspectionsResponse;
}

export class OpenAssessmentResponse extends AssessmentResponse {
  @ApiProperty({ type: [AnnualInspectionRefResponse], description: 'Annual inspections this request scheduled' })
  scheduled: AnnualInspectionRefResponse[];
  @ApiProperty({ type: [AnnualInspectionRefResponse], description: 'Annual inspections that already existed (none is scheduled twice)' })
  existing: AnnualInspectionRefResponse[];
}

export class BulletinList {
  @ApiProperty({ type: [BulletinResponse] }) items: BulletinResponse[];
}
