import Foundation

/// Runs external programs (tar, xz, make) with their output sent to a log file.
enum ProcessRunner {
  /// Runs `executable` with `arguments` in `directory`, appending its output to `log`. Returns the exit status.
  @discardableResult
  static func run(
    _ executable: String, _ arguments: [String], in directory: String? = nil, log: String? = nil,
    environment: [String: String]? = nil
  ) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { p.environment = environment }
    var handle: FileHandle?
    if let log {
      if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
      handle = FileHandle(forWritingAtPath: log)
      handle?.seekToEndOfFile()
      handle?.write(Data("$ \(executable) \(arguments.joined(separator: " "))\n".utf8))
      p.standardOutput = handle
      p.standardError = handle
    } else {
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
    }
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try? handle?.close()
    return p.terminationStatus
  }

  /// Runs a program and returns its standard output (nil on failure).
  static func output(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) -> String? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    p.standardInput = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// The last `count` non-empty lines of a log file.
  static func tail(of log: String, count: Int = 12) -> [String] {
    guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
    return Array(text.split(separator: "\n").suffix(count).map(String.init))
  }

  /// The absolute path of a program on PATH, or nil.
  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
