import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Records a trace in a private ftrace instance (`instances/kwalk-<pid>`), so the global tracing settings are never
/// touched: the instance has its own events, filters, options and buffer, and removing it undoes them all. What it
/// changes (the instance, and mounting tracefs if it had to) is written to a state file first, so a run killed
/// before it could clean up is undone, and said so, by the next run.
public final class TraceSession {
  /// What a run changed, as saved in the state file.
  public struct State: Codable, Equatable, Sendable {
    public var instance: String
    public var mountedTracefs: Bool
    public var pid: Int32
  }

  public let tracefs: String
  public let stateFile: String
  public let events: [String]
  /// Whether each event carries a `<stack trace>` (`options/stacktrace`).
  public let stacks: Bool
  /// Lines to show the user (leftovers restored, events this kernel lacks).
  public private(set) var notes: [String] = []

  public init(
    tracefs: String = "/sys/kernel/tracing", stateFile: String = "/run/kwalk-trace.state", events: [String],
    stacks: Bool = true
  ) {
    self.stacks = stacks
    self.tracefs = tracefs
    self.stateFile = stateFile
    self.events = events
  }

  /// Records every walkthrough `LoopbackExchange` knows.
  public func record(exchange: LoopbackExchange, marker: String) throws -> String {
    try record(exchange: exchange, walkthroughs: LoopbackExchange.walkthroughs, marker: marker)
  }

  /// Enables the events and stack traces, runs each walkthrough's traffic between its `kwalk: begin`/`end`
  /// markers in a network namespace of its own (`NetworkNamespace`), and returns the trace text with each
  /// walkthrough's counters (`CounterWindow.lines`) after its records. The buffer is read after each walkthrough and cleared before the next,
  /// so a busy machine cannot overwrite an early walkthrough's records. Restores everything it changed on return,
  /// on error and on SIGINT/SIGTERM.
  public func record(exchange: LoopbackExchange, walkthroughs: [String], marker: String) throws -> String {
    guard geteuid() == 0 else { throw TraceError.notRoot }
    // One recording at a time on the machine: the state file, the tracefs mount and the leftovers it restores are
    // shared, and a second run would take the first one's live instance for a leftover (or its unmount would pull
    // tracefs from under the first).
    let lock = open(stateFile + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard lock >= 0 else { throw TraceError.io(stateFile + ".lock", String(cString: strerror(errno))) }
    defer { close(lock) }
    if flock(lock, LOCK_EX | LOCK_NB) != 0 {
      notes.append("waited for another kwalk trace to finish")
      while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    }
    restoreLeftovers()
    var mounted = false
    if !FileManager.default.fileExists(atPath: tracefs + "/events") {
      guard FileManager.default.fileExists(atPath: tracefs) else { throw TraceError.noTracefs("no such directory") }
      try save(State(instance: "", mountedTracefs: true, pid: getpid()))
      guard mount("nodev", tracefs, "tracefs", 0, nil) == 0 else {
        let why = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: stateFile)
        throw TraceError.noTracefs("mount failed: \(why)")
      }
      mounted = true
    }
    let instance = tracefs + "/instances/kwalk-\(getpid())"
    let state = State(instance: instance, mountedTracefs: mounted, pid: getpid())
    // Armed before the state is saved, so no signal can land between saving and being able to undo.
    TraceCleanup.arm(state: state, stateFile: stateFile, tracefs: tracefs)
    defer { TraceCleanup.run() }
    try save(state)
    try TraceCleanup.check()
    guard mkdir(instance, 0o755) == 0 else {
      throw TraceError.io(instance, "cannot create the ftrace instance: \(String(cString: strerror(errno)))")
    }
    try write("4096", to: instance + "/buffer_size_kb")
    try enableEvents(in: instance)
    if stacks { try write("1", to: instance + "/options/stacktrace") }
    try write("1", to: instance + "/tracing_on")
    try write(marker, to: instance + "/trace_marker")
    var text = ""
    for (i, w) in walkthroughs.enumerated() {
      try TraceCleanup.check()
      if i > 0 { try write("", to: instance + "/trace") }
      let window = try NetworkNamespace.run { try self.exchange(exchange, walkthrough: w, instance: instance) }
      text += try Self.read(instance + "/trace") + window.lines
    }
    try write("0", to: instance + "/tracing_on")
    return text
  }

  /// Runs one walkthrough's traffic (in the calling thread's network namespace) and reads the namespace's counters
  /// just before its begin marker and just after its end marker, so they span what the markers attribute to it.
  func exchange(_ exchange: LoopbackExchange, walkthrough w: String, instance: String) throws -> CounterWindow {
    var window = CounterWindow(walkthrough: w, before: [:], after: [:])
    try exchange.run(
      walkthrough: w,
      mark: { m in
        if m.hasPrefix("kwalk: begin ") { window.before = try NetworkNamespace.counterTexts() }
        try write(m, to: instance + "/trace_marker")
        if m.hasPrefix("kwalk: end ") { window.after = try NetworkNamespace.counterTexts() }
      }, stop: TraceCleanup.check)
    return window
  }

  /// Enables each event (`system:event`, or `system:*` for the whole system) with its `JourneyEvents` filter.
  func enableEvents(in instance: String) throws {
    for e in events {
      let parts = e.split(separator: ":").map(String.init)
      let dir = instance + "/events/\(parts[0])" + (parts[1] == "*" ? "" : "/\(parts[1])")
      guard FileManager.default.fileExists(atPath: dir) else {
        notes.append("this kernel has no tracepoint \(e); it is not recorded")
        continue
      }
      if let filter = JourneyEvents.filter(system: parts[0]) { try write(filter, to: dir + "/filter") }
      try write("1", to: dir + "/enable")
      try TraceCleanup.check()
    }
  }

  /// Reads a tracefs file to its end: tracefs reports size 0, so read until `read` returns nothing.
  public static func read(_ path: String) throws -> String {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw TraceError.io(path, "cannot read the trace: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var out = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = Glibc.read(fd, &buffer, buffer.count)
      if n < 0 { throw TraceError.io(path, String(cString: strerror(errno))) }
      if n == 0 { break }
      out += buffer[0..<n]
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Undoes what a killed run left behind, as its state file says.
  func restoreLeftovers() {
    guard let data = FileManager.default.contents(atPath: stateFile),
      let old = try? JSONDecoder().decode(State.self, from: data)
    else { return }
    var undone: [String] = []
    if !old.instance.isEmpty, FileManager.default.fileExists(atPath: old.instance) {
      _ = try? write("0", to: old.instance + "/tracing_on")
      if rmdir(old.instance) == 0 { undone.append("removed the ftrace instance \(old.instance)") }
    }
    if old.mountedTracefs, umount(tracefs) == 0 { undone.append("unmounted \(tracefs)") }
    try? FileManager.default.removeItem(atPath: stateFile)
    notes.append(
      "restored settings left by an earlier kwalk trace (pid \(old.pid)): "
        + (undone.isEmpty ? "nothing was left to undo" : undone.joined(separator: ", ")))
  }

  func save(_ state: State) throws {
    let enc = JSONEncoder()
    enc.outputFormatting = [.sortedKeys]
    do {
      try enc.encode(state).write(to: URL(fileURLWithPath: stateFile), options: .atomic)
    } catch {
      throw TraceError.io(stateFile, "cannot save the trace state: \(error.localizedDescription)")
    }
  }

  func write(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_TRUNC)
    guard fd >= 0 else { throw TraceError.io(path, String(cString: strerror(errno))) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard Glibc.write(fd, bytes, bytes.count) == bytes.count else {
      throw TraceError.io(path, String(cString: strerror(errno)))
    }
  }
}
