/// Splits a POSIX shell command line into words, honouring quotes and backslashes, stopping at an unquoted `;`.
enum ShellWords {
  static func split(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for ch in line {
      if escaped {
        current.append(ch)
        escaped = false
        inWord = true
        continue
      }
      if let q = quote {
        if ch == q {
          quote = nil
        } else if ch == "\\" && q == "\"" {
          escaped = true
        } else {
          current.append(ch)
        }
        continue
      }
      switch ch {
      case "\\":
        escaped = true
      case "'", "\"":
        quote = ch
        inWord = true
      case " ", "\t":
        if inWord { words.append(current) }
        current = ""
        inWord = false
      case ";":
        if inWord { words.append(current) }
        return words
      default:
        current.append(ch)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}
