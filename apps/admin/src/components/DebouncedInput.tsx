import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Input, type InputProps } from 'antd';
import { useDebounced } from '../use-debounced';

/** A text box that reports its (trimmed) text once typing pauses, so each keystroke is not a request. */
export function DebouncedInput({ initial, onCommit, delay = 250, ...props }: Omit<InputProps, 'value' | 'onChange'> & { initial?: string; onCommit: (text: string) => void; delay?: number }) {
  const [text, setText] = useState(initial ?? '');
  const settled = useDebounced(text.trim(), delay);
  const commit = useEffectEvent(onCommit);
  // Only what the user typed: a box remounted by "clear filters" must not report its (stale-closure) empty text.
  const committed = useRef(settled);
  useEffect(() => {
    if (settled === committed.current) return;
    committed.current = settled;
    commit(settled);
  }, [settled]);
  return <Input allowClear {...props} value={text} onChange={(e) => setText(e.target.value)} />;
}
