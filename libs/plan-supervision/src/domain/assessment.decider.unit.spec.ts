import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import { assessmentDecider } from './assessment.decider.js';
import type { AssessmentEvent } from './assessment.events.js';

const at = (written: string): Date => new Date(written);
const given = DeciderSpecification.for(assessmentDecider, { now: at('2025-03-01T10:00:00.000+08:00'), actor: { sub: 'wang', role: 'supervisor' } });

const opened: AssessmentEvent = { type: 'AnnualAssessmentOpened', data: { year: 2025, openedAt: '2025-03-01T10:00:00.000+08:00' } };

describe('AnnualAssessment', () => {
  describe('when opened', () => {
    it('opens the year’s campaign', () => {
      given([])
        .when({ type: 'OpenAssessment', data: { year: 2025 } })
        .then([opened]);
    });

    it('opens it once: a repeat records nothing (and schedules only the inspections still missing)', () => {
      given([opened])
        .when({ type: 'OpenAssessment', data: { year: 2025 } })
        .thenNothingHappened();
    });
  });
});
