import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… waits up to 5 s (not 1 s): on a loaded machine a render chain can take that long.
configure({ asyncUtilTimeout: 5000 });

// Testing Library unmounts between tests only when told to under Vitest without globals.
afterEach(() => {
  cleanup();
  localStorage.clear();
});
