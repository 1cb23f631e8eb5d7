import { describe, expect, it } from '@jest/globals';
import { ConflictError, fold, NotFoundError, type DecisionContext } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { KindergartenCommand } from './kindergarten.commands.js';
import { kindergartenDecider, kindergartenStreamId } from './kindergarten.decider.js';
import type { DisclosurePublished, KindergartenEvent, KindergartenRegistered } from './kindergarten.events.js';

// Monday 2025-03-03, 10:00 in Shanghai
const now = new Date('2025-03-03T02:00:00Z');
const context: DecisionContext = { now, actor: { sub: 'admin-1', role: 'admin' } };
const given = DeciderSpecification.for(kindergartenDecider, context);

const KG = 'kg-sunshine';

const register = (): Extract<KindergartenCommand, { type: 'RegisterKindergarten' }> => ({
  type: 'RegisterKindergarten',
  data: { kindergartenId: KG, name: '阳光幼儿园', township: '城关镇', ownership: 'public' },
});

const registered = (registeredAt = '2025-03-03T10:00:00.000+08:00'): KindergartenRegistered => ({
  type: 'KindergartenRegistered',
  data: { ...register().data, registeredAt },
});

const disclosure = (children = 120, notes: string | null = null) => ({ teachers: 10, caregivers: 4, children, monthlyFeeYuan: 1200, notes });

const publishDisclosure = (children = 120, notes: string | null = null): KindergartenCommand => ({
  type: 'PublishDisclosure',
  data: disclosure(children, notes),
});

const disclosed = (children = 120, publishedAt = '2025-03-03T10:00:00.000+08:00', notes: string | null = null): DisclosurePublished => ({
  type: 'DisclosurePublished',
  data: { kindergartenId: KG, ...disclosure(children, notes), publishedAt },
});

describe('Kindergarten', () => {
  it('lives in the stream kindergarten-{id}', () => {
    expect(kindergartenStreamId(KG)).toBe('kindergarten-kg-sunshine');
  });

  describe('when not registered', () => {
    it('registers it, stamped with the time in Shanghai', () => {
      given([])
        .when(register())
        .then([registered('2025-03-03T10:00:00.000+08:00')]);
    });

    it('refuses a disclosure: the kindergarten does not exist', () => {
      given([]).when(publishDisclosure()).thenThrows(NotFoundError, 'not-found');
    });
  });

  describe('when registered', () => {
    it('refuses a second registration', () => {
      given([registered()]).when(register()).thenThrows(ConflictError, 'kindergarten-exists');
    });

    it('publishes a disclosure', () => {
      given([registered()])
        .when(publishDisclosure(118, '含保健医1名'), { now: new Date('2025-03-05T01:30:00Z') })
        .then([disclosed(118, '2025-03-05T09:30:00.000+08:00', '含保健医1名')]);
    });

    it('starts without a disclosure', () => {
      const state = fold(kindergartenDecider, [registered()]);
      expect(state).toEqual({
        status: 'registered',
        id: KG,
        name: '阳光幼儿园',
        township: '城关镇',
        ownership: 'public',
        registeredAt: '2025-03-03T10:00:00.000+08:00',
        disclosure: null,
      });
    });
  });

  describe('when disclosed', () => {
    it('publishes a new disclosure, which replaces the previous one in the state', () => {
      const history = [registered(), disclosed(120, '2025-03-03T10:00:00.000+08:00', 'first')];
      const later = new Date('2025-04-01T00:00:00Z');
      given(history)
        .when(publishDisclosure(125), { now: later })
        .then([disclosed(125, '2025-04-01T08:00:00.000+08:00')]);

      const state = fold(kindergartenDecider, [...history, disclosed(125, '2025-04-01T08:00:00.000+08:00')]);
      expect(state.status === 'registered' && state.disclosure).toEqual({
        teachers: 10,
        caregivers: 4,
        children: 125,
        monthlyFeeYuan: 1200,
        notes: null,
        publishedAt: '2025-04-01T08:00:00.000+08:00',
      });
    });
  });

  describe('evolve', () => {
    it('is total: an unknown event leaves the state unchanged', () => {
      const state = fold(kindergartenDecider, [registered(), disclosed()]);
      const unknown = { type: 'SomethingElseHappened', data: { kindergartenId: KG } } as unknown as KindergartenEvent;
      expect(kindergartenDecider.evolve(state, unknown)).toBe(state);
    });

    it('ignores a disclosure of a kindergarten it never saw registered', () => {
      expect(fold(kindergartenDecider, [disclosed()])).toEqual({ status: 'unregistered' });
    });
  });
});
