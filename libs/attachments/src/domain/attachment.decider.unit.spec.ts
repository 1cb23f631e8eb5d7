import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError } from '@app/event-sourcing';
import { DeciderSpecification } from '@app/event-sourcing/testing';
import type { AttachmentCommand } from './attachment.commands.js';
import { attachmentDecider, attachmentStreamId, mayCite, type AttachmentContext } from './attachment.decider.js';
import type { AttachmentRemoved, AttachmentUploaded } from './attachment.events.js';
import { citedAttachments } from './evidence.js';

const ID = '3f9a1c2e-8b7d-4e6f-a5c4-1d2e3f4a5b6c';
const SHA = 'c'.repeat(64);
// Monday 2026-12-07, 10:00 in Shanghai
const now = new Date('2026-12-07T02:00:00Z');
const director = { sub: 'director-zhao', role: 'kindergarten', kindergartenId: 'kg-1', name: '赵园长' };
const context: AttachmentContext = { now, actor: director };
const given = DeciderSpecification.for(attachmentDecider, context);

const recordUpload: AttachmentCommand = {
  type: 'RecordUpload',
  data: { attachmentId: ID, name: '照片.jpg', contentType: 'image/jpeg', sizeBytes: 100, sha256: SHA, thumbnail: true },
};
const uploaded: AttachmentUploaded = {
  type: 'AttachmentUploaded',
  data: {
    ...recordUpload.data,
    uploadedBy: { sub: 'director-zhao', role: 'kindergarten', kindergartenId: 'kg-1' },
    uploadedAt: '2026-12-07T10:00:00.000+08:00',
  },
};
const removed: AttachmentRemoved = {
  type: 'AttachmentRemoved',
  data: { attachmentId: ID, reason: 'unused', removedAt: '2026-12-14T10:00:00.000+08:00' },
};
const removeUnused: AttachmentCommand = { type: 'RemoveUnused', data: {} };

describe('Attachment', () => {
  it('lives in the stream attachment-{id}', () => {
    expect(attachmentStreamId(ID)).toBe(`attachment-${ID}`);
  });

  describe('when not recorded', () => {
    it('records the upload with the uploader’s scope and no more (no name, no other claims)', () => {
      given([]).when(recordUpload).then([uploaded]);
    });

    it('has nothing to remove', () => {
      given([]).when(removeUnused).thenThrows(NotFoundError, 'not-found');
    });
  });

  describe('when uploaded', () => {
    it('is not recorded twice', () => {
      given([uploaded]).when(recordUpload).thenThrows(ConflictError, 'attachment-exists');
    });

    it('is removed when unused', () => {
      given([uploaded])
        .when(removeUnused, { now: new Date('2026-12-14T02:00:00Z') })
        .then([removed]);
    });
  });

  describe('when removed', () => {
    it('is removed once', () => {
      given([uploaded, removed]).when(removeUnused).thenNothingHappened();
    });
  });

  describe('mayCite', () => {
    const state = (uploadedBy: AttachmentUploaded['data']['uploadedBy']) =>
      attachmentDecider.evolve(attachmentDecider.initialState(), { ...uploaded, data: { ...uploaded.data, uploadedBy } });

    it('lets a kindergarten cite its own users’ uploads only', () => {
      expect(mayCite({ sub: 'teacher', role: 'kindergarten', kindergartenId: 'kg-1' }, state(uploaded.data.uploadedBy))).toBe(true);
      expect(mayCite({ sub: 'x', role: 'kindergarten', kindergartenId: 'kg-2' }, state(uploaded.data.uploadedBy))).toBe(false);
    });

    it('lets a unit cite its own users’ uploads, and supervisors supervisors’', () => {
      expect(mayCite({ sub: 'a', role: 'department', unitId: 'u1' }, state({ sub: 'b', role: 'department', unitId: 'u1' }))).toBe(true);
      expect(mayCite({ sub: 'a', role: 'department', unitId: 'u1' }, state({ sub: 'b', role: 'department', unitId: 'u2' }))).toBe(false);
      expect(mayCite({ sub: 'a', role: 'supervisor' }, state({ sub: 'b', role: 'supervisor' }))).toBe(true);
      expect(mayCite({ sub: 'a', role: 'supervisor' }, state(uploaded.data.uploadedBy))).toBe(false);
    });

    it('lets nobody cite a removed upload', () => {
      expect(mayCite(director, attachmentDecider.evolve(state(uploaded.data.uploadedBy), removed))).toBe(false);
    });
  });

  describe('citedAttachments', () => {
    it('finds the attachments an event cites, and ignores v1 references', () => {
      expect(
        citedAttachments({
          evidence: [
            { attachmentId: ID, sha256: SHA, name: 'a' },
            { name: 'v1.jpg', sha256: SHA, sizeBytes: 1 },
          ],
          attachments: [{ attachmentId: 'x', sha256: 'not-a-hash' }],
        }),
      ).toEqual([{ attachmentId: ID, sha256: SHA }]);
    });
  });
});
