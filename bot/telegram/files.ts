/** Downloading what a user sent on Telegram (a notice's attachment): getFile, then the file URL. */
import type { Api } from 'grammy';

const DEFAULT_ROOT = 'https://api.telegram.org';

/** Where a user's file (a voice clip) is downloaded from: getFile, then the file URL, which carries the token (never logged). */
export function telegramFileUrl(api: Api, token: string, apiRoot = DEFAULT_ROOT) {
  return async (fileId: string): Promise<string> => {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error('telegram getFile returned no file_path');
    return `${apiRoot}/file/bot${token}/${file.file_path}`;
  };
}

export function telegramFileFetcher(api: Api, token: string, apiRoot = DEFAULT_ROOT) {
  return async (fileId: string): Promise<{ data: Uint8Array; mime: string; fileName: string }> => {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error('telegram getFile returned no file_path');
    // The token is in this URL: it is never logged.
    const res = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
    if (!res.ok) throw new Error(`telegram file download failed: HTTP ${res.status}`);
    const data = new Uint8Array(await res.arrayBuffer());
    const fileName = file.file_path.split('/').pop() ?? 'tep';
    return { data, mime: res.headers.get('content-type') ?? 'application/octet-stream', fileName };
  };
}
