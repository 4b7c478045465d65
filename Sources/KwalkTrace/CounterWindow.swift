/// The counter files of one walkthrough's exchange, as read just before its `kwalk: begin` marker and just after
/// its `kwalk: end` marker, in its own network namespace. A trace keeps them as comment lines, which ftrace text
/// readers skip: `# kwalk counters <walkthrough> <before|after> <file> | <line of the file>`.
public struct CounterWindow: Hashable, Codable, Sendable {
  public var walkthrough: String
  /// `/proc/net/snmp` → its text.
  public var before: [String: String]
  public var after: [String: String]

  public init(walkthrough: String, before: [String: String], after: [String: String]) {
    self.walkthrough = walkthrough
    self.before = before
    self.after = after
  }

  /// What starts each of the window's lines in a trace.
  static let prefix = "# kwalk counters "

  /// The window as trace comment lines, files in `CounterSnapshot.files` order, each ending in a newline.
  public var lines: String {
    var out = ""
    for (moment, texts) in [("before", before), ("after", after)] {
      let others = texts.keys.filter { !CounterSnapshot.files.contains($0) }.sorted()
      for file in CounterSnapshot.files + others {
        guard let text = texts[file] else { continue }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
          out += "\(Self.prefix)\(walkthrough) \(moment) \(file) | \(line)\n"
        }
      }
    }
    return out
  }

  /// How much each counter moved across the window.
  public func moved() throws -> [String: Int64] {
    try CounterSnapshot(texts: after).moved(since: CounterSnapshot(texts: before))
  }

  /// Adds one trace line to the windows it belongs to; false when the line is not a counter line.
  static func read(_ line: Substring, into windows: inout [CounterWindow]) -> Bool {
    guard line.hasPrefix(prefix), let bar = line.range(of: " | ") else { return false }
    let words = line[line.index(line.startIndex, offsetBy: prefix.count)..<bar.lowerBound].split(separator: " ")
    guard words.count == 3, words[1] == "before" || words[1] == "after" else { return false }
    let w = String(words[0])
    let file = String(words[2])
    let text = String(line[bar.upperBound...]) + "\n"
    let i = windows.firstIndex { $0.walkthrough == w } ?? {
      windows.append(CounterWindow(walkthrough: w, before: [:], after: [:]))
      return windows.count - 1
    }()
    if words[1] == "before" {
      windows[i].before[file, default: ""] += text
    } else {
      windows[i].after[file, default: ""] += text
    }
    return true
  }
}
