// Fakes for tests (in-memory file system, recording process runner) land here.
