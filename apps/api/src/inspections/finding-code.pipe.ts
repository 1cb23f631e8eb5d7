import { Injectable, type PipeTransform } from '@nestjs/common';
import { problem, ProblemError } from '../http/problems/problem-details.js';
import { FINDING_CODE } from './inspection.dto.js';

/** A path code that no finding can have is simply not found. */
@Injectable()
export class FindingCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!FINDING_CODE.test(value)) throw new ProblemError(problem(404, 'not-found', 'No such finding'));
    return value;
  }
}
