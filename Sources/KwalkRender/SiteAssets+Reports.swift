extension SiteAssets {
  /// The whole stylesheet: the site's base rules and those of the report pages.
  static var stylesheetText: String { stylesheet + reportRules }

  /// Rules of the version diff and annotation drift pages. Two columns (old, new) side by side that stack on a
  /// narrow screen; changes and statuses carry a word or a sign besides their colour.
  static let reportRules = """
    /* Version diff and annotation drift pages. */
    :root { --added: #e6ffed; --removed: #ffeef0; --movedbg: #eef4ff; }
    @media (prefers-color-scheme: dark) { :root { --added: #0f3a1f; --removed: #4b1a1d; --movedbg: #16304d; } }
    main:has(section.diff) { max-width: 110rem; }
    .summary { color: var(--muted); }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
    h4 { font-size: 1rem; margin: 0.1rem 0 0.5rem; overflow-wrap: anywhere; }
    section.hop-diff { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0;
      scroll-margin-top: 0.5rem; }
    section.hop-diff:target { border-color: var(--link); box-shadow: 0 0 0 2px var(--link); }
    .relation { display: inline-block; padding: 0 0.45rem; border-radius: 0.7rem; border: 1px solid var(--muted);
      font: 600 0.75rem/1.5 system-ui, sans-serif; vertical-align: middle; }
    div.sides, div.body-sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.75rem; }
    .side { background: var(--panel); border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.3rem 0.7rem;
      overflow-wrap: anywhere; }
    .side-label { font-weight: 700; margin: 0.2rem 0; }
    .side .none { color: var(--muted); font-style: italic; }
    .hop-ref p { margin: 0.3rem 0 0; }
    figure.body-side { margin: 0.3rem 0; min-width: 0; }
    pre.source .added { background: var(--added); }
    pre.source .removed { background: var(--removed); }
    pre.source .moved { background: var(--movedbg); }
    pre.source .path { font-weight: 700; }
    pre.source .op { color: var(--muted); user-select: none; }
    pre.source .path .op { color: var(--link); }
    pre.source .filler { background: repeating-linear-gradient(135deg, transparent 0 6px, var(--line) 6px 7px); }
    pre.source .gap .ln { user-select: none; }
    code.ev { padding: 0 0.2rem; border-radius: 0.2rem; }
    code.ev.added { background: var(--added); }
    code.ev.removed { background: var(--removed); }
    .step-link { font-size: 0.85rem; }
    p.diff-link { margin: 0.4rem 0; font-size: 0.9rem; }
    nav.versions ul { list-style: none; padding: 0; margin: 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem;
      font-size: 0.9rem; }
    nav.versions .current { font-weight: 700; }
    nav.versions .absent { color: var(--muted); }
    table.history { border-collapse: collapse; margin: 0.5rem 0 1rem; }
    table.history th, table.history td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line);
      vertical-align: top; }
    table.history td.changed { background: var(--target); }
    table.history td.absent { color: var(--muted); }
    .badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.7rem; color: var(--bg); white-space: nowrap;
      font: 600 0.75rem/1.5 system-ui, sans-serif; vertical-align: middle; text-decoration: none; }
    .badge.status-exact { background: var(--exact); }
    .badge.status-moved { background: var(--moved); }
    .badge.status-changed { background: var(--changed); }
    .badge.status-orphaned { background: var(--orphaned); }
    .badge.status-ambiguous { background: var(--ambiguous); }
    a.status { color: inherit; }
    table.drift, table.counts { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
    table.drift th, table.drift td, table.counts th, table.counts td { text-align: left; padding: 0.35rem 0.5rem;
      border-bottom: 1px solid var(--line); vertical-align: top; }
    table.drift td { overflow-wrap: anywhere; }
    table.drift td:first-child { width: 1%; }
    div.table-scroll { overflow-x: auto; }
    table.counts th, table.counts td { white-space: nowrap; }
    table.counts td.n { font-variant-numeric: tabular-nums; }
    table.drift tr { scroll-margin-top: 0.5rem; }
    table.drift tr:target { background: var(--target); }
    .was-now { margin: 0.3rem 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.6rem; }
    .was-now dt { color: var(--muted); }
    .was-now dd { margin: 0; }
    @media (max-width: 56rem) {
      div.sides, div.body-sides { grid-template-columns: minmax(0, 1fr); }
      section.hop-diff { padding: 0.6rem; }
    }
    @media (max-width: 40rem) {
      table.drift thead { display: none; }
      table.drift tr, table.drift td { display: block; }
      table.drift td { border: none; padding: 0.1rem 0.3rem; }
      table.drift tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
    }

    """
}
