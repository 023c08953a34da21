export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(webDist: string): Manifest;
export function staticClosure(manifest: Manifest, keys: string[]): string[];
export function gzipBytes(buffer: Buffer): number;
export function loadCost(webDist: string, pages: string[]): { files: { file: string; gzip: number }[]; total: number };
