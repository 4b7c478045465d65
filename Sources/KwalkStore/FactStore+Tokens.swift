import Foundation
import GRDB
import KwalkCore

extension FactStore {
  /// The tokens stored for each of `files` whose key is `keys[file]`; files stored under another key are missing
  /// from the result.
  public func cachedTokens(_ keys: [SourcePath: String]) throws -> [SourcePath: [SourceToken]] {
    try queue.read { db in
      var out: [SourcePath: [SourceToken]] = [:]
      for (file, key) in keys {
        let row = try Row.fetchOne(
          db, sql: "SELECT tokens FROM source_tokens WHERE file = ? AND key = ?", arguments: [file.value, key])
        if let data: Data = row?["tokens"], let tokens = TokenBlob.decode(data) { out[file] = tokens }
      }
      return out
    }
  }

  /// Keeps `tokens` of each file under its key, replacing what was stored for the file.
  public func storeTokens(_ entries: [(file: SourcePath, key: String, tokens: [SourceToken])]) throws {
    try queue.write { db in
      for e in entries {
        try db.execute(
          sql: "INSERT OR REPLACE INTO source_tokens (file, key, tokens) VALUES (?, ?, ?)",
          arguments: [e.file.value, e.key, TokenBlob.encode(e.tokens)])
      }
    }
  }
}
