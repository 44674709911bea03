# logrotated — build, test, run and install.
#   make run      runs logrotated on the bundled demo config (installs what is missing)
#   make test     lint + every test (what CI runs)
#   make install  binary, config, systemd unit, man pages and shell completions under $(DESTDIR)$(PREFIX)
#                 (`make install-files BIN=.build/debug/logrotated` installs an existing build)
#   make deb      a Debian package in .build/deb (scripts/build-deb; `make deb BIN=…` packages an existing build)

SWIFT    ?= swift
PREFIX   ?= /usr/local
DESTDIR  ?=
SBINDIR  ?= $(PREFIX)/sbin
MANDIR   ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
UNITDIR  ?= $(PREFIX)/lib/systemd/system
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
BIN      ?= .build/release/logrotated
# `make deb` builds its own binary unless BIN is given (on the command line or in the environment).
DEB_BIN  := $(if $(filter command line environment,$(origin BIN)),$(BIN))
DEMO     := .build/demo

.PHONY: deps build release test lint format run install install-files uninstall deb bench bench-crash clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

run: build
	@scripts/demo "$(DEMO)"

bench: release
	bench/rotate

# SIGKILL at random moments of rotations and of the daemon; counts what is lost (bench/README.md).
CRASH_ARGS ?= --trials 20 --daemon
bench-crash: release
	bench/crash $(CRASH_ARGS)

install: release install-files

# The unit's paths follow SBINDIR and SYSCONFDIR; an existing configuration is never overwritten. The state
# directory is 0750 (as the unit's StateDirectoryMode), so only root reaches the state file and its lock.
install-files:
	install -D -m 0755 $(BIN) $(DESTDIR)$(SBINDIR)/logrotated
	test -e $(DESTDIR)$(SYSCONFDIR)/logrotated.conf || \
		install -D -m 0644 config/logrotated.conf $(DESTDIR)$(SYSCONFDIR)/logrotated.conf
	install -d -m 0755 $(DESTDIR)$(SYSCONFDIR)/logrotated.d
	install -d -m 0755 $(DESTDIR)$(UNITDIR)
	sed -e 's|/usr/local/sbin/logrotated|$(SBINDIR)/logrotated|g' -e 's|/etc/logrotated.conf|$(SYSCONFDIR)/logrotated.conf|g' \
		systemd/logrotated.service > $(DESTDIR)$(UNITDIR)/logrotated.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/logrotated.service
	install -D -m 0644 man/logrotated.8 $(DESTDIR)$(MANDIR)/man8/logrotated.8
	install -D -m 0644 man/logrotated.conf.5 $(DESTDIR)$(MANDIR)/man5/logrotated.conf.5
	install -d -m 0755 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	$(BIN) --generate-completion-script bash | sed '1{/^#!/d}' > $(DESTDIR)$(BASHCOMPDIR)/logrotated
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(ZSHCOMPDIR)/_logrotated
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(FISHCOMPDIR)/logrotated.fish
	chmod 0644 $(DESTDIR)$(BASHCOMPDIR)/logrotated $(DESTDIR)$(ZSHCOMPDIR)/_logrotated $(DESTDIR)$(FISHCOMPDIR)/logrotated.fish
	install -d -m 0750 $(DESTDIR)/var/lib/logrotated

# The configuration is removed only when it is still the one shipped (as dpkg treats conffiles).
uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/logrotated $(DESTDIR)$(UNITDIR)/logrotated.service
	rm -f $(DESTDIR)$(MANDIR)/man8/logrotated.8 $(DESTDIR)$(MANDIR)/man5/logrotated.conf.5
	rm -f $(DESTDIR)$(BASHCOMPDIR)/logrotated $(DESTDIR)$(ZSHCOMPDIR)/_logrotated $(DESTDIR)$(FISHCOMPDIR)/logrotated.fish
	if cmp -s config/logrotated.conf $(DESTDIR)$(SYSCONFDIR)/logrotated.conf; then \
		rm -f $(DESTDIR)$(SYSCONFDIR)/logrotated.conf; \
	elif [ -e $(DESTDIR)$(SYSCONFDIR)/logrotated.conf ]; then \
		echo "kept $(DESTDIR)$(SYSCONFDIR)/logrotated.conf (changed since installed)"; \
	fi
	rmdir --ignore-fail-on-non-empty $(DESTDIR)$(SYSCONFDIR)/logrotated.d 2>/dev/null || true
	rmdir --ignore-fail-on-non-empty $(DESTDIR)/var/lib/logrotated 2>/dev/null || true

# A .deb of the release build with a static Swift runtime (or of BIN=…), checked with `lintian .build/deb/*.deb`.
deb: deps
	BIN="$(DEB_BIN)" scripts/build-deb

clean:
	rm -rf .build
