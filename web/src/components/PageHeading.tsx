// The page's h1. It takes the focus when a page opens, so keyboard and screen-reader users land
// on the new content after following a link.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function PageHeading({ children }: { children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 id="page-heading" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
