import { Injectable, type PipeTransform } from '@nestjs/common';
import { problem, ProblemError } from '../problems/problem-details.js';

export const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

/** A path id that cannot name anything is simply not found. */
@Injectable()
export class ResourceIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!RESOURCE_ID.test(value)) throw new ProblemError(problem(404, 'not-found', 'No such resource'));
    return value;
  }
}
