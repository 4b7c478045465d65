import Foundation
import KwalkCore
import KwalkKernel

/// What the last complete discovery of a tree ended with (`<cache>/<kernel>/discovery.json`), so that a run whose
/// inputs have not changed skips the rounds: each round loads the whole index and searches every route, which is
/// most of a warm `kwalk index`.
///
/// The rounds are a function of what the caller asks (`key`: the walkthroughs, the notes, the kwalk binary, the
/// starting files and limits), of the index (every unit's flags and the content of every file it read, as
/// `Indexer.currentInputsDigest` says) and of kbuild's answers (the compile database and the files it does not build):
/// `Indexer.discoveryState()`. When the key and the state match, discovery would ask for files it has already indexed
/// or already given up on, and end where it ended before. Beyond that it depends on the tree's other `.c` files, which
/// the text searches read: those cannot change in a tree kwalk unpacked into its cache, but can in a user's `--tree`,
/// which therefore gets no stamp.
struct DiscoveryStamp: Codable, Equatable {
  /// The caller's key, and the state of the index and of kbuild's answers the discovery ended with.
  var key: String
  var state: String
  /// The report of the discovery that wrote the stamp (its `parsed` count aside).
  var files: [File]
  var rounds: Int
  var unresolved: [DiscoveryRequest]

  struct File: Codable, Equatable {
    var file: SourcePath
    var reason: String
    var round: Int
  }

  static let fileName = "discovery.json"

  /// The stamp in `directory`, or nil when there is none or it cannot be read (then discovery runs).
  static func load(from directory: String) -> DiscoveryStamp? {
    guard let data = FileManager.default.contents(atPath: directory + "/" + fileName) else { return nil }
    return try? JSONDecoder().decode(DiscoveryStamp.self, from: data)
  }

  func write(to directory: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try AtomicFile.write(String(decoding: try encoder.encode(self), as: UTF8.self), to: directory + "/" + Self.fileName)
  }

  /// The report a discovery that ended with this stamp gave, with nothing parsed now.
  var report: Indexer.DiscoveryReport {
    var r = Indexer.DiscoveryReport()
    r.files = files.map { ($0.file, $0.reason, $0.round) }
    r.rounds = rounds
    r.unresolved = unresolved
    return r
  }
}

extension Indexer {
  /// The index and kbuild's answers as a discovery sees them; nil when a file some unit read has changed since it was
  /// indexed.
  func discoveryState() throws -> String? {
    guard let index = try currentInputsDigest() else { return nil }
    let parts = [index, KernelPreparer.identity(of: tree.compileDatabasePath)] + kbuild.notBuilt().sorted().map(\.value)
    return ContentHash(string: parts.joined(separator: "\u{1}")).description
  }
}
