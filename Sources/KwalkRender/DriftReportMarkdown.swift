import KwalkAnnotate

/// The annotation drift report as Markdown: a count table per kernel, then every anchor that is not exact.
public enum DriftReportMarkdown {
  public static func render(_ report: AnnotationReport) -> String {
    var out = "# Annotation drift\n\n"
    out += "Each annotation is anchored to a function and a quote in it, and placed again in every kernel.\n\n"
    out += "| kernel | " + AnchorStatus.allCases.map(\.rawValue).joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "---|", count: AnchorStatus.allCases.count) + "\n"
    for k in report.kernels {
      out += "| \(k.label) (\(k.version)) | " + k.counts.map { "\($0.1)" }.joined(separator: " | ") + " |\n"
    }
    for k in report.kernels {
      let drifted = k.entries.filter { $0.status != .exact }
      out += "\n## \(k.label): \(drifted.isEmpty ? "every anchor exact" : "\(drifted.count) anchors drifted")\n\n"
      for e in drifted {
        let place = e.location.map { "`\($0.path):\($0.line)`" } ?? "nowhere"
        out += "- **\(e.status.rawValue)** `\(e.annotation.id)` (\(e.annotation.origin)) at \(place): \(e.detail)\n"
        if e.status == .changed {
          out += "  - was: `\(CTokens(e.annotation.quote ?? "").folded)`\n  - now: `\(e.foundText ?? "")`\n"
        }
      }
    }
    return out
  }
}
