namespace QualityGates.Reports.Html;

/// <summary>The page's only style sheet, inlined: the report must open from a CI artifact with no network.</summary>
internal static class HtmlStyles
{
    public const string Css = """
        :root{--pass:#1a7f37;--fail:#cf222e;--skip:#6e7781;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
        header.verdict{padding:28px 32px;color:#fff}
        header.verdict.passed{background:var(--pass)}
        header.verdict.failed{background:var(--fail)}
        header.verdict h1{margin:0;font-size:56px;line-height:1;letter-spacing:.04em}
        header.verdict .what{margin-top:10px;font-size:20px;font-weight:600}
        header.verdict .counts{margin-top:4px;font-size:15px;opacity:.92}
        main{padding:8px 32px 32px;max-width:1400px}
        h2{margin:28px 0 10px;font-size:20px;border-bottom:1px solid var(--line);padding-bottom:6px}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--line)}
        th{background:var(--soft);font-size:13px;color:var(--muted);font-weight:600}
        td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
        code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        .badge{display:inline-block;min-width:44px;text-align:center;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:700;color:#fff}
        .badge.passed{background:var(--pass)}
        .badge.failed{background:var(--fail)}
        .badge.skipped{background:var(--skip)}
        .badge.warning{background:#b7791f}
        .badge.waived{background:#6b46c1}
        tr.warning td{background:#fffbeb}
        tr.waived td{background:#f5f3ff}
        .bar .fill.warning{background:#b7791f}
        .bar .fill.waived{background:#6b46c1}
        tr.failed td{background:#fff5f5}
        table.warnings td{background:#fffbeb}
        table.warnings td:first-child{width:1%;white-space:nowrap}
        tr.skipped td{color:var(--muted)}
        td.barcell{width:24%;min-width:180px}
        td.lines{font-family:ui-monospace,monospace;font-size:13px;word-break:break-word}
        .bar{position:relative;height:16px;margin-top:3px;background:#eaeef2;border-radius:4px;overflow:hidden}
        .bar .zone{position:absolute;top:0;bottom:0;background:repeating-linear-gradient(135deg,#ffd8d3 0 4px,#ffebe9 4px 8px)}
        .bar .fill{position:absolute;left:0;top:4px;height:8px;border-radius:3px}
        .bar .fill.passed{background:var(--pass)}
        .bar .fill.failed{background:var(--fail)}
        .bar .fill.skipped{background:var(--skip)}
        .bar .mark{position:absolute;top:0;bottom:0;width:3px;margin-left:-1px;background:var(--ink)}
        .bar.none{background:repeating-linear-gradient(90deg,#eaeef2 0 6px,#fff 6px 10px)}
        .figures{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 12px;padding:0;list-style:none}
        .figures li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:6px 12px}
        .figures b{font-size:18px;margin-right:4px}
        ol.failed-tests{padding-left:24px}
        ol.failed-tests li{margin:0 0 12px}
        ol.failed-tests .name{font-weight:600;word-break:break-all}
        pre{margin:4px 0 0;padding:8px 10px;background:var(--soft);border:1px solid var(--line);border-radius:6px;white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;max-height:18em;overflow:auto}
        .note{color:var(--muted);font-size:13px}
        svg.trend{display:block;overflow:visible}
        svg.trend polyline{fill:none;stroke:var(--ink);stroke-width:1.5}
        svg.trend line.limit{stroke:var(--fail);stroke-width:1;stroke-dasharray:3 2}
        svg.trend circle.passed{fill:var(--pass)}
        svg.trend circle.failed{fill:var(--fail)}
        svg.trend circle.skipped{fill:var(--skip)}
        svg.dist{display:block}
        svg.dist circle{fill-opacity:.75}
        svg.dist .base{fill:#8c959f}
        svg.dist .passed{fill:var(--pass)}
        svg.dist .failed{fill:var(--fail)}
        svg.dist .warning{fill:#b7791f}
        svg.dist .waived{fill:#6b46c1}
        svg.dist .skipped{fill:var(--skip)}
        svg.dist rect.box{fill-opacity:.18;stroke:none}
        svg.dist line.median{stroke:var(--ink);stroke-width:1.5}
        svg.dist line.limit{stroke:var(--fail);stroke-width:1;stroke-dasharray:3 2}
        table.benchmarks td code{word-break:break-all}
        footer{padding:16px 32px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
        footer code{font-size:12px}
        @media print{header.verdict{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """;
}
