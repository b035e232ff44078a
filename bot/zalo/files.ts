/** Downloading an image a user sent on Zalo (its message carries a URL). */
export async function fetchZaloImage(url: string): Promise<{ data: Uint8Array; mime: string; fileName: string }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`zalo image download failed: HTTP ${res.status}`);
  const mime = res.headers.get('content-type') ?? 'image/jpeg';
  return { data: new Uint8Array(await res.arrayBuffer()), mime, fileName: `anh.${mime.includes('png') ? 'png' : 'jpg'}` };
}
