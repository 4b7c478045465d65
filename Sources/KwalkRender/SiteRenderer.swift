import KwalkAnnotate
import KwalkCore
import KwalkGraph

/// Turns a `SiteModel` into files. Deterministic: same model, same bytes.
public enum SiteRenderer {
  public static func render(_ model: SiteModel) -> [RenderedFile] {
    let model = model.withVersionDiffLinks().withVersionHistory()
    var files = SiteAssets.files
    files.append(RenderedFile(SitePaths.home, HomePage.render(model)))
    for k in model.kernels {
      for w in k.walkthroughs {
        files.append(
          RenderedFile(SitePaths.markdown(kernel: k.label, name: w.spec.name), MarkdownWalkthrough.render(w, kernel: k))
        )
        for leg in w.legs {
          var page = WalkthroughPage(kernel: k, walkthrough: w, leg: leg)
          files.append(RenderedFile(page.page, page.render()))
        }
      }
      for path in k.sources.keys.sorted() {
        guard let file = k.sources[path] else { continue }
        files.append(
          RenderedFile(SitePaths.source(kernel: k.label, path: path), SourcePageRenderer.render(file, kernel: k)))
      }
    }
    files += simulatorFiles(model)
    for diff in model.versionDiffs { files.append(RenderedFile(diff.page, DiffPage.render(diff, in: model))) }
    if !model.histories.isEmpty { files.append(RenderedFile(SitePaths.history, HistoryPage.render(model))) }
    let reports = model.kernels.compactMap(\.annotationReport)
    if !reports.isEmpty {
      files.append(
        RenderedFile(SitePaths.driftMarkdown, DriftReportMarkdown.render(AnnotationReport(kernels: reports))))
      files.append(RenderedFile(DriftReportPage.page, DriftReportPage.render(model)))
    }
    return files.sorted { $0.relativePath < $1.relativePath }
  }
}

extension SiteModel {
  /// The model with each leg's graph laid out by `layout`, which turns Graphviz text into SVG (the caller runs
  /// `dot`). Only the `<svg>` element is kept, so it can sit inside a page.
  public func withGraphs(_ layout: (String) throws -> String) rethrows -> SiteModel {
    var copy = self
    for k in copy.kernels.indices {
      for w in copy.kernels[k].walkthroughs.indices {
        for l in copy.kernels[k].walkthroughs[w].legs.indices {
          let svg = try layout(DotWriter.siteDot(copy.kernels[k].walkthroughs[w].legs[l].path))
          copy.kernels[k].walkthroughs[w].legs[l].graphSVG = Self.svgElement(svg)
        }
      }
    }
    return copy
  }

  /// From `<svg` to the end, without the XML prologue and doctype.
  public static func svgElement(_ text: String) -> String {
    guard let start = text.range(of: "<svg") else { return "" }
    var svg = String(text[start.lowerBound...])
    while svg.hasSuffix("\n") { svg.removeLast() }
    return svg
  }
}
