// The daemon (scheduler loop, triggers, systemd notifier) lands here.
