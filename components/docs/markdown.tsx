import { Fragment, type ReactNode } from "react";

// The OpenAPI document's descriptions use a little CommonMark: `code`, **bold**, _emphasis_ /
// *emphasis*, [links](url) and blank-line paragraphs. This renders exactly that, as React
// nodes (no HTML injection), so the docs page shows formatting instead of raw backticks.
const INLINE =
  /(`[^`]+`)|(\*\*[^*]+\*\*)|(\[[^\]]+\]\([^)\s]+\))|(?<![\w*])([_*])(?=\S)(.+?)(?<=\S)\4(?![\w*])/g;

export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const key = `${at}`;
    if (m[1]) {
      out.push(
        <code
          key={key}
          className="rounded bg-zinc-100 px-1 font-mono text-[0.9em] dark:bg-zinc-800"
        >
          {m[1].slice(1, -1)}
        </code>,
      );
    } else if (m[2]) {
      out.push(<strong key={key}>{renderInline(m[2].slice(2, -2))}</strong>);
    } else if (m[3]) {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(m[3])!;
      const href = link[2];
      const safe = /^(https?:\/\/|\/|#)/.test(href);
      out.push(
        safe ? (
          <a key={key} href={href} className="text-indigo-600 underline dark:text-indigo-400">
            {renderInline(link[1])}
          </a>
        ) : (
          <Fragment key={key}>{link[1]}</Fragment>
        ),
      );
    } else {
      out.push(<em key={key}>{renderInline(m[5])}</em>);
    }
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <div className={`space-y-2 break-words ${className}`}>
      {paragraphs.map((p, i) => (
        <p key={i}>{renderInline(p.trim())}</p>
      ))}
    </div>
  );
}
