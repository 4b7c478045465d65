/// The columns a reader sees in a `/proc` line printed by one `seq_printf`: the format's conversions, each placed in
/// the whitespace-separated field it prints into. `/proc/net/udp`'s `"%5d: %08X:%04X %08X:%04X %02X …"` prints
/// its second and third values into one field (`0100007F:0035`), so the 17th value (`sk_drops`) is the 13th column
/// (`drops`); `softnet_stat`'s `"%08x %08x …"` prints one value a column.
enum PrintfColumns {
  /// For each value after the format, its 1-based column; nil when the expression holds no format literal.
  static func columns(ofCall expression: String) -> [Int]? {
    guard let format = formatLiteral(expression) else { return nil }
    var out: [Int] = []
    var column = 0
    var inField = false
    var chars = Array(format)[...]
    while let ch = chars.popFirst() {
      if ch == " " || ch == "\t" || ch == "\n" {
        inField = false
        continue
      }
      if !inField {
        inField = true
        column += 1
      }
      guard ch == "%" else { continue }
      if chars.first == "%" {
        chars.removeFirst()
        continue
      }
      // Flags, width, precision, length, then the conversion; `%pK` and friends take letters after the `p`.
      // A `*` width or precision takes a value of its own.
      while let c = chars.first, "-+ #0123456789.*hlLzjtq".contains(c) {
        if c == "*" { out.append(column) }
        chars.removeFirst()
      }
      guard let conversion = chars.popFirst() else { break }
      if conversion == "p" { while let c = chars.first, c.isLetter { chars.removeFirst() } }
      out.append(column)
    }
    return out
  }

  /// The format of `seq_printf(seq, "a" "b", …)`: the adjacent string literals of the second argument, joined,
  /// with `\n` and `\t` read.
  static func formatLiteral(_ expression: String) -> String? {
    guard let open = expression.firstIndex(of: "\""), let comma = expression.firstIndex(of: ","), comma < open else {
      return nil
    }
    var out = ""
    var i = open
    while i < expression.endIndex, expression[i] == "\"" {
      var j = expression.index(after: i)
      while j < expression.endIndex, expression[j] != "\"" {
        if expression[j] == "\\", expression.index(after: j) < expression.endIndex {
          let n = expression[expression.index(after: j)]
          out.append(n == "n" ? "\n" : n == "t" ? "\t" : n)
          j = expression.index(j, offsetBy: 2)
          continue
        }
        out.append(expression[j])
        j = expression.index(after: j)
      }
      guard j < expression.endIndex else { return nil }
      i = expression.index(after: j)
      while i < expression.endIndex, expression[i].isWhitespace { i = expression.index(after: i) }
    }
    return out
  }
}
