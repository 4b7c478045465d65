/// An `anchors.lock` that kwalk did not write. It has its own error, rather than `AnnotationError.malformed`,
/// because the fix is to regenerate the file, not to edit a front matter.
public enum AnchorRecordError: Error, CustomStringConvertible, Equatable {
  /// A line that `AnchorRecord.serialized()` would not have written.
  case malformed(file: String, line: Int, reason: String)

  public var description: String {
    switch self {
    case .malformed(let file, let line, let reason):
      return "\(file):\(line): \(reason): regenerate it with kwalk check --record"
    }
  }
}
