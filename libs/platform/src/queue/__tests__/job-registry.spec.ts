import { checkHandlers } from '../job-registry';

describe('checkHandlers', () => {
  const jobs = ['retier', 'sla-watch'];

  it('accepts exactly one handler per job', () => {
    expect(checkHandlers(jobs, [{ name: 'retier', where: 'A.run' }, { name: 'sla-watch', where: 'B.run' }])).toEqual([]);
  });

  it('names a job without a handler', () => {
    expect(checkHandlers(jobs, [{ name: 'retier', where: 'A.run' }])).toEqual(['job "sla-watch" has no handler']);
  });

  it('names both places of a job handled twice', () => {
    const found = [
      { name: 'retier', where: 'A.run' },
      { name: 'retier', where: 'C.run' },
      { name: 'sla-watch', where: 'B.run' },
    ];
    expect(checkHandlers(jobs, found)).toEqual(['job "retier" has 2 handlers: A.run, C.run']);
  });

  it('names a handler for a job the catalog does not know', () => {
    const found = [
      { name: 'retier', where: 'A.run' },
      { name: 'sla-watch', where: 'B.run' },
      { name: 'retire', where: 'D.run' },
    ];
    expect(checkHandlers(jobs, found)).toEqual(['D.run handles "retire", which is not in the job catalog']);
  });
});
