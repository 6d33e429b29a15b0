import type { OutputBundle, OutputChunk } from 'rolldown';

/** File names of `roots` and every chunk they import statically, entry chunks left out, in visit order. */
export function chunkClosure(bundle: OutputBundle, roots: readonly OutputChunk[]): string[] {
  const files: string[] = [];
  const visit = (chunk: OutputChunk) => {
    if (chunk.isEntry || files.includes(chunk.fileName)) return;
    files.push(chunk.fileName);
    for (const name of chunk.imports) {
      const dependency = bundle[name];
      if (dependency?.type === 'chunk') visit(dependency);
    }
  };
  roots.forEach(visit);
  return files;
}
