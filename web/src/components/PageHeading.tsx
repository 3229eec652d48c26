// The page's h1. When the app moves to another page it takes the focus, so keyboard and
// screen-reader users land on the new content; the first page of a visit leaves the focus where
// the browser puts it (the skip link comes first).
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

let firstPage = true;

export function PageHeading({ children }: { children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 id="page-heading" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
