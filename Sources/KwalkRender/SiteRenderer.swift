import KwalkAnnotate
import KwalkGraph

/// Turns a `SiteModel` into files. Deterministic: same model, same bytes.
public enum SiteRenderer {
  public static func render(_ model: SiteModel) -> [RenderedFile] {
    var files = [RenderedFile("index.html", HTMLIndex.render(model))]
    for k in model.kernels {
      for w in k.walkthroughs {
        files.append(
          RenderedFile(
            "markdown/\(k.label)/\(w.spec.name).md", MarkdownWalkthrough.render(spec: w.spec, paths: w.paths, kernel: k)))
        files.append(RenderedFile("graph/\(k.label)/\(w.spec.name).dot", DotWriter.dot(name: w.spec.name, paths: w.paths)))
      }
    }
    let reports = model.kernels.compactMap(\.annotationReport)
    if !reports.isEmpty {
      files.append(RenderedFile("markdown/annotation-drift.md", DriftReportMarkdown.render(AnnotationReport(kernels: reports))))
    }
    return files.sorted { $0.relativePath < $1.relativePath }
  }
}
