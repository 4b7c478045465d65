import Foundation
import KwalkCore

/// The stored form of a file's tokens: five little-endian numbers a token (line, column, offset, length as 32-bit,
/// the kind as one byte), so that a source page's tokens load in microseconds instead of a libclang parse.
enum TokenBlob {
  /// Bytes per token.
  static let stride = 17
  static let kinds = SourceTokenKind.allCases

  static func encode(_ tokens: [SourceToken]) -> Data {
    var data = Data(capacity: tokens.count * stride)
    for t in tokens {
      for n in [t.line, t.column, t.offset, t.length] {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: n).littleEndian) { data.append(contentsOf: $0) }
      }
      data.append(UInt8(kinds.firstIndex(of: t.kind)!))
    }
    return data
  }

  /// The tokens, or nil for bytes that are not a whole number of well-formed tokens.
  static func decode(_ data: Data) -> [SourceToken]? {
    guard data.count % stride == 0 else { return nil }
    return data.withUnsafeBytes { raw -> [SourceToken]? in
      var out: [SourceToken] = []
      out.reserveCapacity(raw.count / stride)
      var at = 0
      func number() -> Int {
        defer { at += 4 }
        return Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
      }
      while at < raw.count {
        let line = number(), column = number(), offset = number(), length = number()
        let kind = Int(raw[at])
        at += 1
        guard kind < kinds.count else { return nil }
        out.append(SourceToken(line: line, column: column, offset: offset, length: length, kind: kinds[kind]))
      }
      return out
    }
  }
}
