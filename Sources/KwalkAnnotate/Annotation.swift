import KwalkCore

/// One hand-written note, anchored to a function and optionally to a quote inside it.
public struct Annotation: Hashable, Codable, Sendable {
  /// Unique across all annotation files: `tcp-ipv4.send.tcp-sendmsg`.
  public var id: String
  /// The walkthrough it belongs to.
  public var walkthrough: String
  /// The leg it is about (`send`, `receive`, or any other leg its walkthrough's spec declares), or `overview`.
  public var direction: String?
  /// The function it is anchored to; nil for an overview.
  public var function: String?
  /// A statement or expression inside the function, as written (whitespace-insensitive).
  public var quote: String?
  /// A longer piece of the function that contains the quote once, to pick one of several occurrences.
  public var context: String?
  /// The step to show the note at, by the function the step enters, when the graph cannot tell (a note about the
  /// softirq core, whose call into `net_rx_action` goes through an architecture's stack switch).
  public var step: String? = nil
  /// The kernel series the note is about (`kernels: 5.12-`), when it is about only some: other kernels neither place
  /// nor report it.
  public var kernels: KernelRange? = nil
  /// The note, in Markdown.
  public var body: String
  /// The annotation file, relative to the annotations directory.
  public var file: String
  /// The line of the front matter's opening `---`.
  public var line: Int
  /// The line of each front matter key, for errors that only the walkthrough's spec can tell (a leg it lacks).
  public var keyLines: [String: Int] = [:]

  public init(
    id: String, walkthrough: String, direction: String?, function: String?, quote: String?, context: String?,
    body: String, file: String, line: Int
  ) {
    self.id = id
    self.walkthrough = walkthrough
    self.direction = direction
    self.function = function
    self.quote = quote
    self.context = context
    self.body = body
    self.file = file
    self.line = line
  }

  /// Whether the note is about a kernel of `version`.
  public func applies(to version: KernelVersion) -> Bool { kernels?.contains(version) ?? true }

  /// `tcp-ipv4/send.md:12`.
  public var origin: String { "\(file):\(line)" }

  /// The line of `key` in the front matter, else of its opening `---`.
  public func line(of key: String) -> Int { keyLines[key] ?? line }
}
