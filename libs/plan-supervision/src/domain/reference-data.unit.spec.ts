import { describe, expect, it } from '@jest/globals';
import { ConflictError, RuleViolationError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import { hasTasks, planTaskDecider, tasksOfUnit } from './plan-task.decider.js';
import type { PlanTask } from './reference-data.events.js';
import { responsibleUnitDecider } from './responsible-unit.decider.js';

const NOW = '2025-01-02T09:00:00.000+08:00';
const context = { now: new Date(NOW), actor: { sub: 'seed-loader', role: 'admin' } };

const TASK: PlanTask = {
  taskNo: 15,
  group: '（六）加强监督管理，规范幼儿园办园行为',
  title: '规范办园行为',
  summary: '实行幼儿园年检制度',
  timeNodes: ['从2023年开始，实行幼儿园年检制度'],
  leadUnits: ['county-government'],
  responsibleUnits: ['county-education-bureau'],
  note: null,
};

describe('ResponsibleUnit', () => {
  const given = DeciderSpecification.for(responsibleUnitDecider, context);
  const register = {
    type: 'RegisterResponsibleUnit' as const,
    data: { unitId: 'county-education-bureau', name: '县教育局', kind: 'bureau' as const, note: null },
  };

  it('is registered once', () => {
    given([])
      .when(register)
      .then([{ type: 'ResponsibleUnitRegistered', data: { ...register.data, registeredAt: NOW } }]);
  });

  it('refuses a second registration (unit-exists)', () => {
    given([{ type: 'ResponsibleUnitRegistered', data: { ...register.data, registeredAt: NOW } }])
      .when(register)
      .thenThrows(ConflictError, 'unit-exists');
  });
});

describe('PlanTask', () => {
  const given = DeciderSpecification.for(planTaskDecider, { ...context, registeredUnits: ['county-government', 'county-education-bureau'] });

  it('is registered once its units are', () => {
    given([])
      .when({ type: 'RegisterPlanTask', data: TASK })
      .then([{ type: 'PlanTaskRegistered', data: { ...TASK, registeredAt: NOW } }]);
  });

  it('refuses a unit that is not registered (unknown-unit)', () => {
    given([])
      .when({ type: 'RegisterPlanTask', data: { ...TASK, responsibleUnits: ['county-nowhere-bureau'] } })
      .thenThrows(RuleViolationError, 'unknown-unit');
  });

  it('refuses a second registration (task-exists)', () => {
    given([{ type: 'PlanTaskRegistered', data: { ...TASK, registeredAt: NOW } }])
      .when({ type: 'RegisterPlanTask', data: TASK })
      .thenThrows(ConflictError, 'task-exists');
  });

  it('tells which tasks a unit leads or shares', () => {
    const other: PlanTask = { ...TASK, taskNo: 4, leadUnits: ['county-education-bureau'], responsibleUnits: ['all-kindergartens'] };
    expect(tasksOfUnit('county-education-bureau', [TASK, other])).toEqual([15, 4]);
    expect(tasksOfUnit('county-government', [TASK, other])).toEqual([15]);
    expect(hasTasks('county-teaching-research-center', [TASK, other])).toBe(false);
  });
});
