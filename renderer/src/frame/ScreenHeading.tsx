import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** The document title's first part; defaults to the heading text when it is a string. */
  title?: string;
}

/**
 * The screen's h1. When a screen opens, focus moves here (unless the user is already somewhere
 * else on the page) so a screen-reader user hears where they are; the window title follows.
 */
export function ScreenHeading({ children, title }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const documentTitle = title ?? (typeof children === 'string' ? children : undefined);

  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('.app-nav')) ref.current?.focus();
  }, []);

  useEffect(() => {
    document.title = documentTitle ? `${documentTitle} – Granskningsbänken` : 'Granskningsbänken';
  }, [documentTitle]);

  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
