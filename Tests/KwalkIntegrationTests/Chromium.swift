import Foundation

/// Debian's headless Chromium, one process per page, each with its own profile so two can run at once.
struct Chromium: Sendable {
  /// What the browser made of one page.
  struct Visit {
    /// The DOM after load, serialized.
    var dom: String
    /// Console messages the page produced (no page logs anything, so any message is a fault).
    var console: [String]
    var status: Int32
  }

  let binary: String

  init?() {
    guard let b = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)
    else { return nil }
    binary = b
  }

  func arguments(profile: String) -> [String] {
    [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
      "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0",
    ]
  }

  /// Loads `file` (with `fragment`, which a page's script may read) and returns its DOM after the scripts ran, and
  /// its console output.
  func visit(_ file: String, fragment: String? = nil) throws -> Visit {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let (status, out, err) = try run(
      arguments(profile: profile.path) + [
        "--dump-dom", URL(fileURLWithPath: file).absoluteString + (fragment.map { "#" + $0 } ?? ""),
      ])
    let console = err.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return Visit(dom: out, console: console, status: status)
  }

  /// Saves a screenshot of `file` at `size` to `png`.
  func screenshot(_ file: String, to png: String, size: String = "1280,2000") throws -> Int32 {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    return try run(
      arguments(profile: profile.path) + [
        "--hide-scrollbars", "--screenshot=\(png)", "--window-size=\(size)", URL(fileURLWithPath: file).absoluteString,
      ]
    ).0
  }

  /// Runs chromium; stderr goes to a file so that one thread can drain stdout without a second reader.
  private func run(_ args: [String]) throws -> (Int32, String, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    let out = Pipe()
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-chromium-\(UUID().uuidString).err")
    _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errFile) }
    p.standardOutput = out
    p.standardError = try FileHandle(forWritingTo: errFile)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let errData = (try? Data(contentsOf: errFile)) ?? Data()
    return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }
}

/// Attribute values in serialized HTML.
enum DOMScan {
  /// Every value of attribute `name` (`href`, `xlink:href`, `id`), entity-decoded.
  static func values(of name: String, in html: String) -> [String] {
    var out: [String] = []
    let needle = " \(name)=\""
    var rest = html[...]
    while let r = rest.range(of: needle) {
      let start = r.upperBound
      guard let end = rest[start...].firstIndex(of: "\"") else { break }
      out.append(
        String(rest[start..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
          of: "&lt;", with: "<"
        )
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&"))
      rest = rest[end...]
    }
    return out
  }
}
