import Foundation

/// A 64-bit FNV-1a digest of some bytes, printed as 16 hex digits. Used to key caches by content, not by time.
public struct ContentHash: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The digest.
  public var value: UInt64

  public init(value: UInt64) { self.value = value }

  /// Hashes `bytes`.
  public init<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    value = h
  }

  /// Hashes the UTF-8 of `string`.
  public init(string: String) { self.init(bytes: Array(string.utf8)) }

  /// Hashes the contents of the file at `url`.
  public init(contentsOf url: URL) throws {
    let data = try Data(contentsOf: url)
    self = data.withUnsafeBytes { ContentHash(bytes: $0.bindMemory(to: UInt8.self)) }
  }

  /// Combines several hashes in order.
  public static func combining(_ parts: [ContentHash]) -> ContentHash {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(parts.count * 8)
    for p in parts { withUnsafeBytes(of: p.value.littleEndian) { bytes.append(contentsOf: $0) } }
    return ContentHash(bytes: bytes)
  }

  public var description: String {
    let s = String(value, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  public init?(hex: String) {
    guard let v = UInt64(hex, radix: 16) else { return nil }
    value = v
  }
}
