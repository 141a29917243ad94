import { ConfigError, loadConfig } from '../../../src/config';
import { defaultProvince } from '../../../src/application/defaultProvince';

/** OCOP_DEFAULT_PROVINCE: no province unless the server names one, and a wrong one stops the start. */
describe('OCOP_DEFAULT_PROVINCE', () => {
  it('should name no province when unset', () => {
    expect(defaultProvince({})).toBeNull();
  });

  it('should name the province it is set to', () => {
    expect(defaultProvince({ OCOP_DEFAULT_PROVINCE: '19' })).toBe('19');
  });

  it('should refuse to start with a code that is no province', () => {
    expect(() => loadConfig({ OCOP_DEFAULT_PROVINCE: '066' })).toThrow(ConfigError);
  });
});
