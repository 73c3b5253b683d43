import { DECOY_HASH, hashPassword, verifyPassword } from '../password';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });

  it('treats unicode forms of the same password alike', async () => {
    const hash = await hashPassword('密码Ｃafé');
    await expect(verifyPassword('密码Cafe\u0301', hash)).resolves.toBe(true);
  });

  it('never verifies against the decoy or a malformed hash', async () => {
    await expect(verifyPassword('anything', DECOY_HASH)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'md5$abc')).resolves.toBe(false);
    await expect(verifyPassword('anything', '')).resolves.toBe(false);
  });
});
