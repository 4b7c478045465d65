import Foundation
import GRDB
import KwalkCore

/// The SQLite file that holds one kernel's index: the facts of every parsed translation unit, what each unit read,
/// and why each unit was added. The schema is the migrations below (`v1`, `v2-source-tokens`, `v3-observability`,
/// `v4-call-guards`).
public final class FactStore: Sendable {
  /// Marks the file as kwalk's (`PRAGMA application_id`), so a foreign SQLite file is never trusted.
  static let applicationID: Int32 = 0x6B77_616C  // "kwal"

  let queue: DatabaseQueue
  /// The file.
  public let path: String

  /// Opens or creates the database at `path`. A file that is not a kwalk index, or is damaged, is moved aside and
  /// rebuilt; `onRebuild` hears the one-line reason.
  public init(path: String, onRebuild: (StoreError) -> Void = { _ in }) throws {
    self.path = path
    // Two kwalk runs started together on one cache (an index and a site) open the same file: while one creates and
    // migrates it, the other could read a half-made schema, take it for damage and move the file aside under the
    // first, whose writes then fail ("attempt to write a readonly database"). One opens at a time.
    let lock = Glibc.open(path + ".open.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    if lock >= 0 { flock(lock, LOCK_EX) }
    defer { if lock >= 0 { close(lock) } }
    do {
      queue = try Self.open(path)
    } catch let error as StoreError {
      onRebuild(error)
      try? FileManager.default.removeItem(atPath: path + ".bad")
      try? FileManager.default.moveItem(atPath: path, toPath: path + ".bad")
      for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
      queue = try Self.open(path)
    }
  }

  private static func open(_ path: String) throws -> DatabaseQueue {
    let exists = FileManager.default.fileExists(atPath: path)
    do {
      // Another kwalk (a second command, a test) may be writing the same kernel's index: wait for it rather than
      // fail, and never take "busy" for corruption.
      var configuration = Configuration()
      configuration.busyMode = .timeout(120)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.writeWithoutTransaction { db in
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if id != applicationID && (exists && tables > 0) {
          throw StoreError.rebuilt(path: path, reason: "application_id \(id), not kwalk's")
        }
        if id != applicationID { try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
        let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "?"
        if check != "ok" { throw StoreError.rebuilt(path: path, reason: "quick_check: \(check)") }
      }
      try migrator.migrate(queue)
      return queue
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
      throw StoreError.sqlite(path: path, message: "\(error.message ?? "busy"): another kwalk is using it; retry")
    } catch let error as DatabaseError {
      if exists { throw StoreError.rebuilt(path: path, reason: error.message ?? "\(error.resultCode)") }
      throw StoreError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
    }
  }

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE translation_unit (
            path TEXT PRIMARY KEY, inputsDigest TEXT NOT NULL, warnings INTEGER NOT NULL, errors INTEGER NOT NULL,
            firstErrors TEXT NOT NULL, seconds REAL NOT NULL);
          CREATE TABLE input_file (
            tu TEXT NOT NULL REFERENCES translation_unit(path) ON DELETE CASCADE, file TEXT NOT NULL,
            size INTEGER NOT NULL, mtime REAL NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (tu, file));
          CREATE TABLE function (
            usr TEXT PRIMARY KEY, name TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
            "column" INTEGER NOT NULL, startLine INTEGER NOT NULL, endLine INTEGER NOT NULL,
            isStatic BOOLEAN NOT NULL, isInline BOOLEAN NOT NULL, signature TEXT NOT NULL, parameters TEXT NOT NULL,
            tu TEXT NOT NULL);
          CREATE INDEX function_name ON function(name);
          CREATE TABLE call_site (
            caller TEXT NOT NULL REFERENCES function(usr) ON DELETE CASCADE, file TEXT NOT NULL,
            line INTEGER NOT NULL, "column" INTEGER NOT NULL, kind TEXT NOT NULL, targetKind TEXT NOT NULL,
            targetUSR TEXT, targetName TEXT NOT NULL, structName TEXT, parameterIndex INTEGER,
            throughPointer BOOLEAN NOT NULL, expression TEXT NOT NULL, macroName TEXT, macroFile TEXT,
            macroLine INTEGER, macroColumn INTEGER, arguments TEXT NOT NULL, config TEXT NOT NULL);
          CREATE INDEX call_site_caller ON call_site(caller);
          CREATE TABLE binding (
            tu TEXT NOT NULL REFERENCES translation_unit(path) ON DELETE CASCADE, structName TEXT NOT NULL,
            field TEXT NOT NULL, functionUSR TEXT NOT NULL, functionName TEXT NOT NULL, file TEXT NOT NULL,
            line INTEGER NOT NULL, "column" INTEGER NOT NULL, text TEXT NOT NULL, form TEXT NOT NULL,
            container TEXT, keys TEXT NOT NULL);
          CREATE INDEX binding_field ON binding(structName, field);
          CREATE TABLE parameter_store (
            function TEXT NOT NULL REFERENCES function(usr) ON DELETE CASCADE, functionName TEXT NOT NULL,
            parameterIndex INTEGER NOT NULL, structName TEXT NOT NULL, field TEXT NOT NULL, file TEXT NOT NULL,
            line INTEGER NOT NULL, "column" INTEGER NOT NULL);
          CREATE TABLE tracepoint (
            caller TEXT NOT NULL REFERENCES function(usr) ON DELETE CASCADE, event TEXT NOT NULL,
            system TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL, "column" INTEGER NOT NULL);
          CREATE INDEX tracepoint_caller ON tracepoint(caller);
          CREATE TABLE discovery (file TEXT PRIMARY KEY, reason TEXT NOT NULL, round INTEGER NOT NULL);
          """)
    }
    // A source file's tokens for its page, keyed by everything the tokenizing parse read (`SourceReader.tokenKey`).
    m.registerMigration("v2-source-tokens") { db in
      try db.execute(
        sql: "CREATE TABLE source_tokens (file TEXT PRIMARY KEY, key TEXT NOT NULL, tokens BLOB NOT NULL)")
    }
    // Monitoring and tuning facts (`ObservabilityFacts`), one JSON value per row (`ObservationRecord`).
    m.registerMigration("v3-observability") { db in
      try db.execute(
        sql: """
          CREATE TABLE observation (
            tu TEXT NOT NULL REFERENCES translation_unit(path) ON DELETE CASCADE, kind TEXT NOT NULL,
            payload TEXT NOT NULL);
          CREATE INDEX observation_tu ON observation(tu);
          """)
    }
    // A call's guards (`GuardCoding`) and its placement among its function's top-level statements.
    m.registerMigration("v4-call-guards") { db in
      try db.execute(
        sql: """
          ALTER TABLE call_site ADD COLUMN guards TEXT NOT NULL DEFAULT '';
          ALTER TABLE call_site ADD COLUMN placement TEXT NOT NULL DEFAULT 'mainLine';
          """)
    }
    return m
  }
}
