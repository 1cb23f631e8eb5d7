import type { AssessmentState } from '../domain/assessment.decider.js';
import type { BulletinState } from '../domain/bulletin.decider.js';
import { quarterId } from '../domain/plan-periods.js';
import type { BulletinContent } from '../domain/quarterly-bulletin.js';
import type { UnitAssessment } from '../domain/unit-assessment.js';

export type BulletinView = {
  readonly id: string;
  readonly year: number;
  readonly quarter: number;
  readonly publishedAt: string;
  readonly version: number;
} & BulletinContent;

export const bulletinView = (state: Extract<BulletinState, { status: 'published' }>, version: number): BulletinView => {
  const { status: _status, sent: _sent, year, quarter, publishedAt, ...content } = state;
  return { id: quarterId({ year, quarter: quarter as 1 | 2 | 3 | 4 }), year, quarter, publishedAt, ...content, version };
};

export interface AnnualInspectionResult {
  readonly kindergartenId: string;
  readonly inspectionId: string;
  readonly status: string;
  readonly outcome: 'passed' | 'failed' | null;
  readonly concludedAt: string | null;
}

export interface AssessmentView {
  readonly year: number;
  readonly openedAt: string;
  readonly version: number;
  /** The departments' assessment: each unit's monthly reports of the year and its score. */
  readonly units?: readonly UnitAssessment[];
  /** The kindergartens' annual inspections of the year and their results. */
  readonly annualInspections?: {
    readonly scheduled: number;
    readonly passed: number;
    readonly failed: number;
    readonly items: readonly AnnualInspectionResult[];
  };
}

export const assessmentView = (state: Extract<AssessmentState, { status: 'opened' }>, version: number): AssessmentView => ({
  year: state.year,
  openedAt: state.openedAt,
  version,
});
