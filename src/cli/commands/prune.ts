import { defineCommand } from 'citty';

export default defineCommand({ meta: { name: 'prune' }, run() {} });
