import { BadRequestException, NotFoundException, ValidationError } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../cursor';
import { ProblemException, problem } from '../problem';
import { toProblem } from '../problem.filter';
import { flattenValidationErrors } from '../validation';

describe('problem details', () => {
  it('builds RFC 9457 bodies with a type, title and status', () => {
    expect(problem(422, 'bad', [{ field: 'phone', message: 'no' }])).toEqual({
      type: '/problems/validation',
      title: 'Validation failed',
      status: 422,
      detail: 'bad',
      errors: [{ field: 'phone', message: 'no' }],
    });
  });

  it('keeps a ProblemException body as it is', () => {
    expect(toProblem(new ProblemException(409, 'taken'))).toMatchObject({ status: 409, detail: 'taken', title: 'Conflict' });
  });

  it('converts Nest exceptions', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, detail: 'Cannot GET /x' });
    expect(toProblem(new BadRequestException(['a', 'b']))).toMatchObject({ status: 400, detail: 'a; b' });
  });

  it('passes Fastify client errors through with their status', () => {
    expect(toProblem({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'x' })).toMatchObject({ status: 413, detail: 'The request body is larger than allowed.' });
    expect(toProblem({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON', message: 'Unexpected token' })).toMatchObject({ status: 400 });
  });

  it('answers 503, not 500, when the database is unreachable', () => {
    expect(toProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).status).toBe(503);
    expect(toProblem(Object.assign(new Error('terminating connection'), { code: '57P01' })).status).toBe(503);
    expect(toProblem(new Error('Connection terminated unexpectedly')).status).toBe(503);
    expect(toProblem(new Error('Client has encountered a connection error and is not queryable')).status).toBe(503);
    expect(toProblem(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })).status).toBe(503);
  });

  it('hides everything about unexpected errors', () => {
    const body = toProblem(new TypeError('secret internals at line 3'));
    expect(body).toEqual({ type: '/problems/internal', title: 'Internal server error', status: 500, detail: 'Something went wrong on our side; it has been logged.' });
  });
});

describe('flattenValidationErrors', () => {
  it('gives dotted paths for nested fields', () => {
    const errors: ValidationError[] = [
      { property: 'name', constraints: { minLength: 'name is too short' }, children: [] },
      {
        property: 'contacts',
        children: [{ property: '0', children: [{ property: 'phone', constraints: { isPhone: 'phone is invalid' }, children: [] }] }],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', message: 'name is too short' },
      { field: 'contacts.0.phone', message: 'phone is invalid' },
    ]);
  });
});

describe('cursors', () => {
  it('round-trip the sort key of the last row', () => {
    const c = encodeCursor(['张伟', '1b7d']);
    expect(decodeCursor(c, 2)).toEqual(['张伟', '1b7d']);
  });

  it.each(['garbage', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url'), ''])('rejects %p with a 422 naming the cursor', (c) => {
    try {
      decodeCursor(c, 2);
      throw new Error('expected a problem');
    } catch (err) {
      expect(err).toBeInstanceOf(ProblemException);
      expect((err as ProblemException).getResponse()).toMatchObject({ status: 422, errors: [{ field: 'cursor' }] });
    }
  });
});
