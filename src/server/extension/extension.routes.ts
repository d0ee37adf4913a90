import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from '../errors';

/**
 * Serves the companion extension to the kiosks' Chromium: the update manifest that the
 * ExtensionSettings policy points at, and the packed CRX it names. Both are read at each request,
 * so a new build is served without a restart, and the XML's version is always the package's.
 */
interface PackInfo {
  id: string;
  version: string;
}

function readPack(packDir: string): PackInfo | null {
  const infoFile = join(packDir, 'borne.json');
  if (!existsSync(infoFile) || !existsSync(join(packDir, 'borne.crx'))) return null;
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as Partial<PackInfo>;
  return typeof info.id === 'string' && /^[a-p]{32}$/.test(info.id) && typeof info.version === 'string' && /^\d+(\.\d+){0,3}$/.test(info.version) ? { id: info.id, version: info.version } : null;
}

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function updateXml(info: PackInfo, crxUrl: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${info.id}'>`,
    `    <updatecheck codebase='${escape(crxUrl)}' version='${info.version}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

export function extensionRoutes(app: FastifyInstance, packDir: string): void {
  const packOrFail = () => {
    const info = readPack(packDir);
    if (!info) throw apiError('extension_not_packed');
    return info;
  };
  app.get('/extension/updates.xml', async (request, reply) => {
    const info = packOrFail();
    reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'no-cache');
    return updateXml(info, `${origin(request)}/extension/borne.crx?v=${info.version}`);
  });
  app.get('/extension/borne.crx', async (_request, reply) => {
    packOrFail();
    reply.header('content-type', 'application/x-chrome-extension').header('cache-control', 'no-cache');
    return readFileSync(join(packDir, 'borne.crx'));
  });
}
