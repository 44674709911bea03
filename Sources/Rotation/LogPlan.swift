import SystemPackage

/// One log's steps, by phase, before `Planner` interleaves them with the block's scripts.
struct LogPlan: Equatable, Sendable {
    var path: FilePath
    /// `rotating log X…` (always first).
    var header: RotationStep
    /// Olddir creation, delaycompress, disposal of expired generations, shifting: before the log is rotated.
    var preparation: [RotationStep] = []
    /// Rename/copy/truncate and create: logrotate's `rotateSingleLog`.
    var rotation: [RotationStep] = []
    /// renamecopy's copy, compress, mail, remove: logrotate's `postrotateSingleLog`.
    var completion: [RotationStep] = []
    /// The rotated file's name before compression (`$2` of a non-shared postrotate).
    var finalName: FilePath
    /// `warning: …` lines about the log's old versions (a name left alone); they do not stop the rotation.
    var warnings: [String] = []
    /// What the journal records before the log's first step (`nil` when the log has a problem).
    var intent: LogIntent?
    /// Why the log cannot be rotated (its phases are then empty).
    var problem: String?

    init(path: FilePath, header: RotationStep, finalName: FilePath) {
        self.path = path
        self.header = header
        self.finalName = finalName
    }
}
