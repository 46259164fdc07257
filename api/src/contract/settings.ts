import { defineRoute } from './route';
import { named } from './common';
import { orgSettingsSchema } from '../storage/settingsStore';

const settingsSchema = named('Settings', orgSettingsSchema);

export const settingsRoutes = {
  get: defineRoute({ method: 'get', path: '/api/settings', tag: 'Settings', summary: 'Organisation settings', access: 'admin', responses: { 200: settingsSchema } }),
  replace: defineRoute({
    method: 'put',
    path: '/api/settings',
    tag: 'Settings',
    summary: 'Replace organisation settings',
    description: 'Left out, `cannedReplies` keeps the saved list.',
    access: 'admin',
    body: settingsSchema,
    responses: { 200: settingsSchema },
  }),
};
