#!/usr/bin/env node
// `npm run icons`: draws the packaging icons into resources/icons from code (see src-main/tray/app-icon-renderer.ts).
import { register } from 'tsx/esm/api';

register();
const { renderAppIcons } = await import('../src-main/tray/render-app-icons.ts');
for (const file of renderAppIcons(new URL('../resources', import.meta.url).pathname)) console.log(file);
