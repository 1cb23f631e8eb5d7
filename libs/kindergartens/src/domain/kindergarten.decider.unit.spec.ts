import { describe, expect, it } from '@jest/globals';
import { ConflictError, fold, NotFoundError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { KindergartenCommand } from './kindergarten.commands.js';
import { isClosed, kindergartenDecider, kindergartenStreamId, type KindergartenContext, type KindergartenState } from './kindergarten.decider.js';
import type { DisclosurePublished, KindergartenClosed, KindergartenEvent, KindergartenRegistered, KindergartenUpdated } from './kindergarten.events.js';
import { kindergartenNameRegister, kindergartenNameStreamId, normaliseKindergartenName } from './kindergarten-name.js';

// Monday 2025-03-03, 10:00 in Shanghai
const now = new Date('2025-03-03T02:00:00Z');
const context: KindergartenContext = { now, actor: { sub: 'admin-1', role: 'admin' } };
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
        closure: null,
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

  describe('its name', () => {
    it('registers a name its register holds for no one', () => {
      given([]).when(register(), { nameHolder: null }).then([registered()]);
    });

    it('refuses a name another kindergarten holds, writing nothing', () => {
      given([]).when(register(), { nameHolder: 'kg-other' }).thenThrows(ConflictError, 'kindergarten-name-exists');
    });

    it('refuses a second registration of the id before looking at the name', () => {
      given([registered()]).when(register(), { nameHolder: 'kg-other' }).thenThrows(ConflictError, 'kindergarten-exists');
    });

    it('treats names equal after folding width, case and spaces as one register', () => {
      expect(normaliseKindergartenName('  Ａ幼儿园   一分园 ')).toBe('a幼儿园 一分园');
      expect(kindergartenNameStreamId('阳光 幼儿园')).toBe(kindergartenNameStreamId(' 阳光　幼儿园'));
      expect(kindergartenNameStreamId('阳光幼儿园')).not.toBe(kindergartenNameStreamId('月亮幼儿园'));
      expect(kindergartenNameStreamId('阳光幼儿园')).toMatch(/^kindergartenName-[0-9a-f]{40}$/);
    });

    it('is held by the last kindergarten that reserved it until that one releases it', () => {
      const reserved = (kindergartenId: string) => ({ type: 'KindergartenNameReserved' as const, data: { name: '阳光幼儿园', kindergartenId, reservedAt: 't' } });
      const released = (kindergartenId: string) => ({ type: 'KindergartenNameReleased' as const, data: { name: '阳光幼儿园', kindergartenId, releasedAt: 't' } });
      expect(fold(kindergartenNameRegister, [])).toEqual({ holder: null });
      expect(fold(kindergartenNameRegister, [reserved('a')])).toEqual({ holder: 'a' });
      expect(fold(kindergartenNameRegister, [reserved('a'), released('a')])).toEqual({ holder: null });
      expect(fold(kindergartenNameRegister, [reserved('a'), released('a'), reserved('b'), released('a')])).toEqual({ holder: 'b' });
    });
  });

  describe('updating its register entry', () => {
    const update = (name = '阳光幼儿园', township = '城关镇', ownership: 'public' | 'private' | 'private-inclusive' = 'public'): KindergartenCommand => ({
      type: 'UpdateKindergarten',
      data: { name, township, ownership },
    });
    const updated = (name: string, township: string, ownership: 'public' | 'private' | 'private-inclusive', at = '2025-03-03T10:00:00.000+08:00'): KindergartenUpdated => ({
      type: 'KindergartenUpdated',
      data: { kindergartenId: KG, name, township, ownership, previous: { name: '阳光幼儿园', township: '城关镇', ownership: 'public' }, updatedAt: at },
    });

    it('records the new name, township and ownership with what they were', () => {
      given([registered()])
        .when(update('阳光实验幼儿园', 'honghe', 'private-inclusive'), { nameHolder: null })
        .then([updated('阳光实验幼儿园', 'honghe', 'private-inclusive')]);
      const state = fold(kindergartenDecider, [registered(), updated('阳光实验幼儿园', 'honghe', 'private-inclusive')]);
      expect(state).toMatchObject({ name: '阳光实验幼儿园', township: 'honghe', ownership: 'private-inclusive' });
    });

    it('refuses a name another kindergarten holds, writing nothing', () => {
      given([registered()]).when(update('月亮幼儿园'), { nameHolder: 'kg-moon' }).thenThrows(ConflictError, 'kindergarten-name-exists');
    });

    it('keeps its own name under another spelling of it (the register is its own)', () => {
      given([registered()])
        .when(update('阳光幼儿园 ', '城关镇', 'private'), { nameHolder: KG })
        .then([updated('阳光幼儿园 ', '城关镇', 'private')]);
    });

    it('writes nothing when nothing changes', () => {
      given([registered()]).when(update()).thenNothingHappened();
    });

    it('refuses an unregistered kindergarten', () => {
      given([]).when(update()).thenThrows(NotFoundError, 'not-found');
    });
  });

  describe('closing it', () => {
    const close: KindergartenCommand = { type: 'CloseKindergarten', data: { closedOn: '2025-08-31', reason: '办园许可证注销' } };
    const closed: KindergartenClosed = {
      type: 'KindergartenClosed',
      data: { kindergartenId: KG, closedOn: '2025-08-31', reason: '办园许可证注销', closedAt: '2025-03-03T10:00:00.000+08:00' },
    };

    it('records the closure, and the kindergarten is closed', () => {
      given([registered()]).when(close).then([closed]);
      expect(isClosed(fold(kindergartenDecider, [registered()]))).toBe(false);
      const state = fold(kindergartenDecider, [registered(), closed]);
      expect(isClosed(state)).toBe(true);
      expect(state).toMatchObject({ closure: { closedOn: '2025-08-31', reason: '办园许可证注销', closedAt: '2025-03-03T10:00:00.000+08:00' } });
    });

    it('refuses to close it twice', () => {
      given([registered(), closed]).when(close).thenThrows(ConflictError, 'kindergarten-closed');
    });

    it('refuses an unregistered kindergarten', () => {
      given([]).when(close).thenThrows(NotFoundError, 'not-found');
    });

    it('reads a state folded before closures existed as open', () => {
      const { closure: _, ...legacy } = fold(kindergartenDecider, [registered()]) as Extract<KindergartenState, { status: 'registered' }>;
      expect(isClosed(legacy)).toBe(false);
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
