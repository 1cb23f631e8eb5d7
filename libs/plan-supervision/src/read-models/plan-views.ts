import type { AssessmentState } from '../domain/assessment.decider.js';
import type { BulletinState } from '../domain/bulletin.decider.js';
import { quarterId } from '../domain/plan-periods.js';
import type { BulletinContent } from '../domain/quarterly-bulletin.js';

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

export interface AssessmentView {
  readonly year: number;
  readonly openedAt: string;
  readonly version: number;
}

export const assessmentView = (state: Extract<AssessmentState, { status: 'opened' }>, version: number): AssessmentView => ({
  year: state.year,
  openedAt: state.openedAt,
  version,
});
