extension Directive {
    // MARK: Disk budget (logrotated extension)

    static let budget: [Directive] = [
        /// logrotated extension, not in logrotate (which reports it as unknown and ignores the line): "After each
        /// rotation, the oldest old versions of the log are removed (running preremove, honouring shred) until
        /// together they take at most size bytes, whatever rotate says; the version just made is never removed."
        /// `size` is read like `size` (`100k`, `10M`, `1G`); 0 turns the budget off. Modelled on illumos `logadm -S`.
        Directive(
            "maxtotalsize",
            .required,
            expects: sizeText,
            render: { $0.maxTotalSize > 0 ? "maxtotalsize \($0.maxTotalSize)" : nil },
            apply: { value, target in
                target.settings.maxTotalSize = try DirectiveArguments.size(value)
            }
        )
    ]
}
