import Foundation

/// The Debian archive this machine's apt already uses, read from its sources (one-line `.list` and deb822
/// `.sources` files), so that kwalk fetches from the same mirror and never names one itself.
public struct AptSources: Hashable, Sendable {
  /// The archive's URI as apt's configuration writes it.
  public var uri: String
  /// The keyring its entry names (`Signed-By`), if any.
  public var signedBy: String?

  public init(uri: String, signedBy: String?) {
    self.uri = uri
    self.signedBy = signedBy
  }

  /// Debian's suites whose kernels kwalk offers, oldest first.
  public static let suites = ["bullseye", "bookworm", "trixie", "sid"]

  /// The system's Debian archive: the first entry whose suite is a Debian release (not a `-security` one) and
  /// which carries `main`. `root` is apt's configuration directory; `KWALK_APT_SOURCES` names one file to read
  /// instead (tests).
  public static func system(
    root: String = "/etc/apt", environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> AptSources? {
    var files: [String] = []
    if let only = environment["KWALK_APT_SOURCES"], !only.isEmpty {
      files = [only]
    } else {
      files = [root + "/sources.list"]
      let parts = (try? FileManager.default.contentsOfDirectory(atPath: root + "/sources.list.d")) ?? []
      files += parts.filter { $0.hasSuffix(".list") || $0.hasSuffix(".sources") }.sorted().map {
        root + "/sources.list.d/" + $0
      }
    }
    for file in files {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
      let entries = file.hasSuffix(".sources") ? deb822(text) : oneLine(text)
      if let found = entries.first(where: isDebianArchive) { return found.source }
    }
    return nil
  }

  /// One entry of a sources file.
  struct Entry {
    var source: AptSources
    var suites: [String]
    var components: [String]
  }

  static func isDebianArchive(_ e: Entry) -> Bool {
    e.components.contains("main")
      && e.suites.contains { s in suites.contains { s == $0 || s.hasPrefix($0 + "-") && !s.hasSuffix("-security") } }
  }

  /// `deb [signed-by=…] URI suite components…`
  static func oneLine(_ text: String) -> [Entry] {
    text.split(separator: "\n").compactMap { raw in
      var line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
      line = line.trimmingCharacters(in: .whitespaces)
      guard line.hasPrefix("deb ") else { return nil }
      var options = ""
      if let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), open < close {
        options = String(line[line.index(after: open)..<close])
        line.removeSubrange(open...close)
      }
      let words = line.split(separator: " ").map(String.init)
      guard words.count >= 4 else { return nil }
      let signed = options.split(separator: " ").first { $0.hasPrefix("signed-by=") }.map { String($0.dropFirst(10)) }
      return Entry(
        source: AptSources(uri: words[1], signedBy: signed), suites: [words[2]], components: Array(words[3...]))
    }
  }

  /// Stanzas of `Types:`, `URIs:`, `Suites:`, `Components:`, `Signed-By:` separated by blank lines.
  static func deb822(_ text: String) -> [Entry] {
    var out: [Entry] = []
    for stanza in text.components(separatedBy: "\n\n") {
      var fields: [String: String] = [:]
      for line in stanza.split(separator: "\n") where !line.hasPrefix("#") {
        guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
        fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
      guard fields["types"]?.split(separator: " ").contains("deb") == true, fields["enabled"] != "no",
        let uri = fields["uris"]?.split(separator: " ").first
      else { continue }
      out.append(
        Entry(
          source: AptSources(uri: String(uri), signedBy: fields["signed-by"].flatMap { $0.isEmpty ? nil : $0 }),
          suites: (fields["suites"] ?? "").split(separator: " ").map(String.init),
          components: (fields["components"] ?? "").split(separator: " ").map(String.init)))
    }
    return out
  }

  /// The private source list: this archive with each of `suites`.
  public func list() -> String {
    let options = signedBy.map { " [signed-by=\($0)]" } ?? ""
    return Self.suites.map { "deb\(options) \(uri) \($0) main\n" }.joined()
  }
}
