// Placeholder replaced by the rotation work.
