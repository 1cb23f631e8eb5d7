import { formatShanghai } from '@app/calendar/domain';
import { ConflictError, NotFoundError, unchanged, unknownCommand, type DecisionContext, type Decider } from '@app/event-sourcing';
import type { AttachmentCommand } from './attachment.commands.js';
import type { AttachmentEvent, Uploader } from './attachment.events.js';

/** An upload as recorded. */
export interface AttachmentRecord {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly thumbnail: boolean;
  readonly uploadedBy: Uploader;
  readonly uploadedAt: string;
}

export type AttachmentState =
  { readonly status: 'none' } | (AttachmentRecord & { readonly status: 'uploaded' }) | (AttachmentRecord & { readonly status: 'removed' });

/** The uploader as recorded: the caller's scope, nothing more (the actor's claims). */
export interface AttachmentContext extends DecisionContext {
  readonly actor: Uploader;
}

export const attachmentStreamId = (attachmentId: string): string => `attachment-${attachmentId}`;

const uploaderOf = (actor: Uploader): Uploader => ({
  sub: actor.sub,
  role: actor.role,
  ...(actor.kindergartenId ? { kindergartenId: actor.kindergartenId } : {}),
  ...(actor.unitId ? { unitId: actor.unitId } : {}),
});

export const attachmentDecider: Decider<AttachmentCommand, AttachmentEvent, AttachmentState, AttachmentContext> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state, { now, actor }) {
    switch (command.type) {
      case 'RecordUpload':
        if (state.status !== 'none') throw new ConflictError('attachment-exists', 'This attachment is already recorded');
        return [{ type: 'AttachmentUploaded', data: { ...command.data, uploadedBy: uploaderOf(actor), uploadedAt: formatShanghai(now) } }];
      case 'RemoveUnused':
        if (state.status === 'none') throw new NotFoundError('not-found', 'No such attachment');
        if (state.status === 'removed') return [];
        return [{ type: 'AttachmentRemoved', data: { attachmentId: state.id, reason: 'unused', removedAt: formatShanghai(now) } }];
      default:
        return unknownCommand(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AttachmentUploaded': {
        const { attachmentId, ...rest } = event.data;
        return { status: 'uploaded', id: attachmentId, ...rest };
      }
      case 'AttachmentRemoved':
        return state.status === 'none' ? state : { ...state, status: 'removed' };
      default:
        return unchanged(event, state);
    }
  },
};

/**
 * A record may cite only attachments uploaded by users of the same kindergarten or unit, or, for supervisors, by
 * supervisors; a removed one is gone.
 */
export const mayCite = (citer: Uploader, attachment: AttachmentState): attachment is Extract<AttachmentState, { status: 'uploaded' }> => {
  if (attachment.status !== 'uploaded') return false;
  const uploader = attachment.uploadedBy;
  switch (citer.role) {
    case 'kindergarten':
      return uploader.role === 'kindergarten' && !!citer.kindergartenId && uploader.kindergartenId === citer.kindergartenId;
    case 'department':
      return uploader.role === 'department' && !!citer.unitId && uploader.unitId === citer.unitId;
    case 'supervisor':
      return uploader.role === 'supervisor';
    default:
      return false;
  }
};
