# logrotated — build, test, run and install.
#   make run      runs logrotated on the bundled demo config (installs what is missing)
#   make test     lint + every test (what CI runs)
#   make install  binary, config, systemd unit and man pages under $(DESTDIR)$(PREFIX)

SWIFT    ?= swift
PREFIX   ?= /usr/local
DESTDIR  ?=
SBINDIR  ?= $(PREFIX)/sbin
MANDIR   ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
UNITDIR  ?= /lib/systemd/system
DEMO     := .build/demo

.PHONY: deps build release test lint format run install uninstall bench clean

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

install: release
	install -D -m 0755 .build/release/logrotated $(DESTDIR)$(SBINDIR)/logrotated
	install -D -m 0644 config/logrotated.conf $(DESTDIR)$(SYSCONFDIR)/logrotated.conf
	install -d -m 0755 $(DESTDIR)$(SYSCONFDIR)/logrotated.d
	install -D -m 0644 systemd/logrotated.service $(DESTDIR)$(UNITDIR)/logrotated.service
	install -D -m 0644 man/logrotated.8 $(DESTDIR)$(MANDIR)/man8/logrotated.8

uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/logrotated $(DESTDIR)$(UNITDIR)/logrotated.service
	rm -f $(DESTDIR)$(MANDIR)/man8/logrotated.8
	@echo "kept $(SYSCONFDIR)/logrotated.conf and $(SYSCONFDIR)/logrotated.d (your configuration)"

clean:
	rm -rf .build
