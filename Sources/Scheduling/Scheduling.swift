// Placeholder replaced by the scheduling work.
