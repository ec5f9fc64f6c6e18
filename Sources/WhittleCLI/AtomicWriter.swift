import Foundation

/// Writes a file so that it is never left half-written: the bytes go to a temporary file in the
/// same folder, which then replaces the original by rename, keeping the original's permissions.
enum AtomicWriter {
    struct Failure: Error { let message: String }

    /// Replaces `path` with `bytes`, unless the file no longer holds `expected` (it changed since
    /// it was read), in which case nothing is written.
    static func replace(path given: String, with bytes: [UInt8], expected: [UInt8]) throws(Failure) {
        let fm = FileManager.default
        // Write through a symbolic link to the file it points to; the link stays a link.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        guard let current = fm.contents(atPath: path) else {
            throw Failure(message: "the file disappeared before it could be written")
        }
        guard Array(current) == expected else {
            throw Failure(message: "the file changed since whittle read it; not written (run whittle again)")
        }
        let attributes = try? fm.attributesOfItem(atPath: path)
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary =
            (directory.isEmpty ? "." : directory)
            + "/.\(name).whittle-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard fm.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw Failure(message: "cannot write a temporary file next to it (is the folder writable?)")
        }
        if let mode = attributes?[.posixPermissions] {
            try? fm.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
        }
        let fd = open(temporary, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(atPath: temporary)
            throw Failure(message: "cannot replace the file: \(reason)")
        }
    }
}
