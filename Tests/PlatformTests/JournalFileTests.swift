import Foundation
import SystemPackage
import Testing

@testable import Platform

/// Replacing the journal's records never leaves it empty half-way, and appends go on into the new file.
@Suite struct JournalFileTests {
    @Test func replaceWithRecords_swapsInANewFile_andLaterAppendsLandInIt() throws {
        let directory = try makeScratchDirectory()
        let path = directory.appending("state.journal")
        let journal = try JournalFile(path: path)
        try journal.append(Array("old 1\nold 2\n".utf8))
        let before = try PosixFileSystem().status(of: path, followSymlinks: false)?.inode

        try journal.replace(with: Array("kept\n".utf8))
        try journal.append(Array("next\n".utf8))

        #expect(try journal.contents() == Array("kept\nnext\n".utf8))
        #expect(try PosixFileSystem().status(of: path, followSymlinks: false)?.inode != before, "renamed over")
        #expect(try PosixFileSystem().status(of: path, followSymlinks: false)?.permissions == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.string) == ["state.journal"])
    }

    @Test func replaceWithNothing_emptiesTheSameFile() throws {
        let directory = try makeScratchDirectory()
        let path = directory.appending("state.journal")
        let journal = try JournalFile(path: path)
        try journal.append(Array("old\n".utf8))
        let before = try PosixFileSystem().status(of: path, followSymlinks: false)?.inode

        try journal.replace(with: [])
        try journal.append(Array("next\n".utf8))

        #expect(try journal.contents() == Array("next\n".utf8))
        #expect(try PosixFileSystem().status(of: path, followSymlinks: false)?.inode == before)
    }
}
