import Foundation
import KwalkCore
import KwalkKernel

/// What the last `kwalk site` into a directory was made from and what it wrote there.
///
/// A site is a pure function of its inputs: the kernels' indexed files, the annotations, the trace file, and the
/// programs that made it (kwalk, libclang, dot). When their digest matches the last run's and the directory still
/// holds exactly the files that run wrote, the site is up to date and nothing is parsed, rendered or written.
struct SiteStamp: Codable, Equatable {
  /// The digest of every input (`SiteInputs`).
  var inputs: String
  /// Each written file's content hash, by path relative to the site's top.
  var files: [String: String]

  /// Where the stamp of the site at `out` lives: in kwalk's cache, never in the site.
  static func path(for out: String, cache: KwalkCache) -> String {
    let absolute = URL(fileURLWithPath: out).standardizedFileURL.path
    return cache.root + "/sites/" + ContentHash(string: absolute).description + ".json"
  }

  static func load(from path: String) -> SiteStamp? {
    FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(SiteStamp.self, from: $0) }
  }

  func save(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try AtomicFile.write(String(decoding: try encoder.encode(self), as: UTF8.self), to: path)
  }

  /// The files under `directory` with their content hashes, or nil when it does not exist.
  static func files(in directory: String) -> [String: String]? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
      let walker = FileManager.default.enumerator(atPath: directory)
    else { return nil }
    var out: [String: String] = [:]
    for case let relative as String in walker {
      guard let data = FileManager.default.contents(atPath: directory + "/" + relative) else { continue }
      out[relative] = hash(data)
    }
    return out
  }

  /// A file's content hash as the stamp records it.
  static func hash(_ data: Data) -> String {
    data.withUnsafeBytes { ContentHash(bytes: $0.bindMemory(to: UInt8.self)) }.description
  }
}
