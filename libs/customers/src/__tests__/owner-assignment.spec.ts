import { OwnerCandidates, pickOwners } from '../owner-assignment';

const candidates = (over: Partial<OwnerCandidates> = {}): OwnerCandidates => ({ accountManagers: ['am1', 'am2', 'am3'], defaultOwnerActive: true, fallbackAdmin: 'admin', ...over });

describe('pickOwners', () => {
  it('rotates through the account managers by ticket', () => {
    expect(pickOwners({ mode: 'round_robin', defaultOwnerId: null }, candidates(), [0, 1, 2, 3, 4, 7])).toEqual(['am1', 'am2', 'am3', 'am1', 'am2', 'am2']);
  });
  it('gives every new customer the default owner in default_owner mode', () => {
    expect(pickOwners({ mode: 'default_owner', defaultOwnerId: 'boss' }, candidates(), [0, 1])).toEqual(['boss', 'boss']);
  });
  it('falls back to round robin when the default owner has left', () => {
    expect(pickOwners({ mode: 'default_owner', defaultOwnerId: 'boss' }, candidates({ defaultOwnerActive: false }), [0, 1])).toEqual(['am1', 'am2']);
  });
  it('uses the default owner, then an admin, when there is no account manager', () => {
    expect(pickOwners({ mode: 'round_robin', defaultOwnerId: 'boss' }, candidates({ accountManagers: [] }), [5])).toEqual(['boss']);
    expect(pickOwners({ mode: 'round_robin', defaultOwnerId: null }, candidates({ accountManagers: [] }), [5])).toEqual(['admin']);
    expect(pickOwners({ mode: 'default_owner', defaultOwnerId: 'boss' }, candidates({ accountManagers: [], defaultOwnerActive: false }), [5])).toEqual(['admin']);
  });
  it('says null when nobody can own them', () => {
    expect(pickOwners({ mode: 'round_robin', defaultOwnerId: null }, candidates({ accountManagers: [], fallbackAdmin: null }), [0])).toEqual([null]);
  });
  it('needs no owner for no customers', () => {
    expect(pickOwners({ mode: 'round_robin', defaultOwnerId: null }, candidates(), [])).toEqual([]);
  });
});
