/** A 24×24 icon from one of the path sets in shared/icon-paths.ts. */
export function SvgIcon({ path, size }: { path: string; size: number }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
