import { ok, operation, ref, type Paths } from '../helpers';

export const settingsPaths: Paths = {
  '/api/settings': {
    get: operation({ tag: 'Settings', summary: 'Organisation settings', access: 'admin', responses: ok(ref('Settings')) }),
    put: operation({
      tag: 'Settings',
      summary: 'Replace organisation settings',
      access: 'admin',
      body: ref('Settings'),
      responses: ok(ref('Settings')),
    }),
  },
};
