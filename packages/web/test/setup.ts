import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The first render of a file can take more than the default second on a busy two-core machine.
configure({ asyncUtilTimeout: 5000 });

// Testing Library unmounts between tests only when told to under Vitest without globals.
afterEach(() => {
  cleanup();
  localStorage.clear();
});
