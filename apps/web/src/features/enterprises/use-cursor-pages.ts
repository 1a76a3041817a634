import { useState } from 'react';

interface Stack {
  /** The query the cursors belong to; another query starts again at page 1. */
  signature: string;
  /** Cursor of each page after the first: cursors[0] opens page 2. */
  cursors: string[];
}

export interface CursorPages {
  /** The cursor of the page shown (undefined on page 1). */
  cursor: string | undefined;
  /** 1-based page number. */
  pageNo: number;
  next: (cursor: string) => void;
  previous: () => void;
}

/**
 * Keyset paging: the server hands out a cursor for the next page, and Previous
 * pops back through those seen. Cursors live in memory, not the URL: a shared
 * link opens the first page of the same filters.
 */
export function useCursorPages(signature: string): CursorPages {
  const [stack, setStack] = useState<Stack>({ signature, cursors: [] });
  const cursors = stack.signature === signature ? stack.cursors : [];
  return {
    cursor: cursors.at(-1),
    pageNo: cursors.length + 1,
    next: (cursor) => setStack({ signature, cursors: [...cursors, cursor] }),
    previous: () => setStack({ signature, cursors: cursors.slice(0, -1) }),
  };
}
