import Foundation
import Testing

/// logrotated runs as root over log directories that unprivileged services own. These suites let such an owner (the
/// real account ``HostileUser``) plant symlinks, hard links, FIFOs and directories at the names a rotation touches,
/// and check that nothing outside the log directory changes, that no run hangs, and that every refusal names the
/// planted path.
@Suite(.enabled(if: getuid() == 0, "hostile-tree tests run as root: they create an account and plant as that user"))
enum HostileTree {}
