import LogrotateConfig
import Platform
import SystemPackage

extension ArchiveNaming {
    /// The newest rotated, still uncompressed version of the log (`.START`, or the latest dated name), if it exists:
    /// the file a process that did not reopen its log keeps writing.
    package func newestUncompressedArchive(settings: LogSettings, fileSystem: any FileSystem) -> FilePath? {
        if !settings.dateExt {
            let archive = numbered(settings.start, compressed: false)
            return exists(archive, fileSystem) ? archive : nil
        }
        let names = ((try? fileSystem.contentsOfDirectory(directory)) ?? []).map(\.bytes)
        let format = DateFormat(settings.effectiveDateFormat)
        return datedArchives(among: names, format: format, compressed: false).last
    }

    private func exists(_ path: FilePath, _ fileSystem: any FileSystem) -> Bool {
        ((try? fileSystem.status(of: path, followSymlinks: false)) ?? nil)?.kind == .regular
    }
}
