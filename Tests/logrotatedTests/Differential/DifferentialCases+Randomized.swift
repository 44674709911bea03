import Foundation

/// Differences that randomized comparison with logrotate 3.21 found (issue 11), each now either identical or a
/// documented difference.
extension DifferentialCases {
    static let randomized = renamingAndAges

    static let renamingAndAges: [DifferentialCase] = [
        .init(
            name: "dateyesterday keeps the current minutes",
            config: block("rotate 2\ndateext\ndateyesterday\ndateformat -%Y%m%d-%H%M"),
            files: [log],
            force: true
        )
    ]
}
