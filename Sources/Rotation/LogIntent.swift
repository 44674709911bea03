import Platform
import SystemPackage

/// What rotating one log is about to do, recorded in the journal before its first step so that a run killed half-way
/// can be finished by the next one.
package struct LogIntent: Equatable, Hashable, Sendable {
    /// The log.
    package var log: FilePath
    /// The log's file when it was found due: after a rename rotation, the file at `finalName`.
    package var identity: FileIdentity
    /// The rotated file's name before compression (`app.log.1`, `app.log-20261202`, the copy of `copytruncate`).
    package var finalName: FilePath
    /// Where `finalName` is compressed to in this rotation; `nil` without `compress`, or with `delaycompress`.
    package var compressedName: FilePath?
    /// When the rotation began: what the state file records for the log once it is finished.
    package var epochSeconds: Int64
    /// The old versions the rotation shifts (those that exist), in order: moved back when it is interrupted before
    /// the log is rotated.
    package var shifts: [Shift]

    package init(
        log: FilePath,
        identity: FileIdentity,
        finalName: FilePath,
        compressedName: FilePath?,
        epochSeconds: Int64,
        shifts: [Shift] = []
    ) {
        self.log = log
        self.identity = identity
        self.finalName = finalName
        self.compressedName = compressedName
        self.epochSeconds = epochSeconds
        self.shifts = shifts
    }
}

/// An old version moved one index up (`app.log.2.gz` to `app.log.3.gz`).
package struct Shift: Equatable, Hashable, Sendable {
    package var from: FilePath
    package var to: FilePath

    package init(from: FilePath, to: FilePath) {
        self.from = from
        self.to = to
    }
}

/// A compression begun by an interrupted rotation: `source`, which was the file `identity`, into `target`.
package struct BegunCompression: Equatable, Hashable, Sendable {
    package var source: FilePath
    package var identity: FileIdentity
    package var target: FilePath

    package init(source: FilePath, identity: FileIdentity, target: FilePath) {
        self.source = source
        self.identity = identity
        self.target = target
    }
}

/// One log's rotation that began and did not end, as the journal tells it.
package struct UnfinishedRotation: Equatable, Sendable {
    package var intent: LogIntent
    /// Compressions that began (the planned one of `finalName` is in `intent`).
    package var compressions: [BegunCompression] = []
    /// Copies (`copytruncate`) that began: the archive may hold data the live log still has.
    package var copies: [FilePath] = []
    /// Compressions that began after the copy to their source: the rotated file's (`copytruncate` + `compress`).
    package var compressedCopies: Set<FilePath> = []

    package init(intent: LogIntent, compressions: [BegunCompression] = [], copies: [FilePath] = []) {
        self.intent = intent
        self.compressions = compressions
        self.copies = copies
    }
}
