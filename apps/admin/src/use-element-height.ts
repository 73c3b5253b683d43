import { useLayoutEffect, useState } from 'react';

/** A callback ref for an element and its current height, kept up to date as the window or layout changes. */
export function useElementHeight<T extends HTMLElement>(): [(el: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(([entry]) => setHeight(Math.floor(entry.contentRect.height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, height];
}
