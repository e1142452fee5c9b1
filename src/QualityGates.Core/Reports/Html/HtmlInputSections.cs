using System.Globalization;
using System.Text;
using QualityGates.Files;
using QualityGates.Metrics;

namespace QualityGates.Reports.Html;

/// <summary>The page's sections about what was judged: tests, coverage, security, model, warnings.</summary>
internal static class HtmlInputSections
{
    /// <summary>Failed tests listed at most; the rest are counted (the JSON report lists up to its own limit).</summary>
    public const int MaxFailedTests = 200;

    private const int MaxMessageLength = 4000;

    public static void AppendTests(StringBuilder page, TestRunSummary? tests, string? root)
    {
        if (tests is null)
        {
            return;
        }

        page.Append("<section id=\"tests\">\n<h2>Tests</h2>\n<ul class=\"figures\">")
            .Append(Figure(tests.Total, "total")).Append(Figure(tests.Passed, "passed")).Append(Figure(tests.Failed, "failed"))
            .Append(Figure(tests.Skipped, "skipped"))
            .Append("<li><b>").Append(tests.Duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)).Append("</b> s</li></ul>\n");
        if (tests.Aborted)
        {
            page.Append("<p><b>The test run aborted.</b></p>\n");
            if (tests.AbortReason is { } reason)
            {
                page.Append("<pre>").Append(HtmlText.Encode(ReportText.Truncate(reason, MaxMessageLength))).Append("</pre>\n");
            }
        }

        if (tests.FailedTests.Count > 0)
        {
            var listed = Math.Min(tests.FailedTests.Count, MaxFailedTests);
            page.Append(CultureInfo.InvariantCulture, $"<h3>Failed tests ({listed} of {tests.Failed} listed)</h3>\n<ol class=\"failed-tests\">\n");
            foreach (var test in tests.FailedTests.Take(listed))
            {
                page.Append("<li><div class=\"name\">").Append(HtmlText.Encode(test.Name)).Append("</div>");
                if (!string.IsNullOrEmpty(test.Message))
                {
                    page.Append("<pre>").Append(HtmlText.Encode(ReportText.Truncate(test.Message, MaxMessageLength))).Append("</pre>");
                }

                AppendStackTrace(page, test, root);

                page.Append("</li>\n");
            }

            page.Append("</ol>\n");
        }

        Sources(page, tests.SourceFiles, root);
        page.Append("</section>\n");
    }

    /// <summary>The failure's source location and stack trace, with the repository root's paths made relative.</summary>
    private static void AppendStackTrace(StringBuilder page, FailedTest test, string? root)
    {
        if (test.StackTrace is not { } stack)
        {
            return;
        }

        if (test.SourceLocation is { } location)
        {
            page.Append("<div class=\"note\">at <code>").Append(HtmlText.Encode(RepositoryRoot.Display(location.File, root)))
                .Append(CultureInfo.InvariantCulture, $":{location.Line}</code></div>");
        }

        var shown = root is null ? stack : stack.Replace(root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        page.Append("<pre class=\"stack\">").Append(HtmlText.Encode(shown)).Append("</pre>");
    }

    public static void AppendCoverage(StringBuilder page, CoverageSummary? coverage, double minimum, string? root)
    {
        if (coverage is null)
        {
            return;
        }

        page.Append("<section id=\"coverage\">\n<h2>Coverage per assembly</h2>\n<table>\n<thead><tr><th>Assembly</th><th>Lines</th>")
            .Append("<th>Line rate</th><th></th><th>Branches</th><th>Branch rate</th></tr></thead>\n<tbody>\n");
        foreach (var package in coverage.Packages)
        {
            var name = package.Name.Length == 0 ? "(unnamed package)" : package.Name;
            CoverageRow(page, HtmlText.Encode(name), package.LinesCovered, package.LinesValid, package.LineRate,
                package.BranchesCovered, package.BranchesValid, package.BranchRate, minimum);
        }

        CoverageRow(page, "<b>All</b>", coverage.LinesCovered, coverage.LinesValid, coverage.LineRate,
            coverage.BranchesCovered, coverage.BranchesValid, coverage.BranchRate, minimum);
        page.Append("</tbody>\n</table>\n<p class=\"note\">The mark on each bar is the line coverage minimum of this run, ")
            .Append(HtmlText.Encode(Percent(minimum))).Append(", which the gate applies to the whole run.</p>\n");
        if (coverage.Excluded is { } excluded)
        {
            page.Append("<p class=\"note\">Filtered (").Append(HtmlText.Encode(string.Join("; ", excluded.Rules))).Append("): ");
            page.Append(excluded.Assemblies.Count == 0 ? "no assembly" : string.Join(", ", excluded.Assemblies.Select(a =>
                HtmlText.Encode(a.Name) + string.Create(CultureInfo.InvariantCulture, $" ({a.LinesValid} lines)"))));
            page.Append(CultureInfo.InvariantCulture, $" left out; {excluded.Files} files ({excluded.FileLinesValid} lines) left out by file pattern.</p>\n");
        }

        AppendUncovered(page, coverage.UncoveredFiles, root);
        page.Append("</section>\n");
    }

    /// <summary>The input files table: path (relative to the repository root; others lose their machine-specific start), kind, contribution (and the file a copy repeats); then, per kind merged from several files, how many from which folders.</summary>
    public static void AppendInputFiles(StringBuilder page, IReadOnlyList<Inputs.InputFileRead> files, string? root)
    {
        page.Append("<section id=\"inputs\">\n<h2>Input files</h2>\n");
        if (files.Count == 0)
        {
            page.Append("<p class=\"note\">No input file was read: the results came from the test run itself, or no input was named.</p>\n</section>\n");
            return;
        }

        page.Append("<table>\n<thead><tr><th>File</th><th>Kind</th><th>Contributed</th></tr></thead>\n<tbody>\n");
        foreach (var file in files)
        {
            page.Append("<tr><td><code>").Append(HtmlText.Encode(RepositoryRoot.Display(file.Path, root))).Append("</code></td><td>")
                .Append(HtmlText.Encode(file.Kind)).Append("</td><td>").Append(HtmlText.Encode(file.Contribution));
            if (file.SameAs is not null)
            {
                page.Append(" (<code>").Append(HtmlText.Encode(RepositoryRoot.Display(file.SameAs, root))).Append("</code>)");
            }

            page.Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        foreach (var merge in Inputs.InputMerge.Of(files))
        {
            page.Append("<p class=\"note\">Merged ").Append(HtmlText.Encode(merge.Description)).Append("</p>\n");
        }

        page.Append("</section>\n");
    }

    /// <summary>The Security section: counts, scanners, the findings of each severity whose check failed, waived findings, scan files.</summary>
    public static void AppendSecurity(StringBuilder page, SecuritySummary? security, string? root, IReadOnlyCollection<string> failedSeverities)
    {
        if (security is null)
        {
            return;
        }

        page.Append("<section id=\"security\">\n<h2>Security</h2>\n<ul class=\"figures\">")
            .Append(Figure(security.Critical, "critical")).Append(Figure(security.High, "high")).Append(Figure(security.Medium, "medium"))
            .Append(Figure(security.Low, "low")).Append(Figure(security.Unknown, "unknown")).Append(Figure(security.Total, "total")).Append("</ul>\n");
        if (security.ScanTools.Count > 0)
        {
            page.Append("<p class=\"note\">Scanners: ").Append(HtmlText.Encode(string.Join(", ", security.ScanTools))).Append("</p>\n");
        }

        HtmlWaivers.AppendFailedFindings(page, security, failedSeverities);
        HtmlWaivers.AppendWaivedFindings(page, security);
        Sources(page, security.SourceFiles, root);
        page.Append("</section>\n");
    }

    public static void AppendModel(StringBuilder page, ModelMetrics? model, string? root)
    {
        if (model is null)
        {
            return;
        }

        page.Append("<section id=\"model\">\n<h2>Model metrics</h2>\n<table>\n<thead><tr><th>Metric</th><th>Current</th><th>Baseline</th></tr></thead>\n<tbody>\n");
        ModelRow(page, "quality_score", model.QualityScore, model.BaselineQualityScore);
        ModelRow(page, "accuracy", model.Accuracy, null);
        ModelRow(page, "f1_score", model.F1Score, null);
        ModelRow(page, "perplexity", model.Perplexity, null);
        ModelRow(page, "latency_ms", model.LatencyMs, model.BaselineLatencyMs);
        ModelRow(page, "throughput_tokens_per_sec", model.ThroughputTokensPerSec, null);
        ModelRow(page, "memory_mb", model.MemoryMb, model.BaselineMemoryMb);
        page.Append("</tbody>\n</table>\n");
        Sources(page, new[] { model.SourceFile, model.BaselineSourceFile }.OfType<string>().ToList(), root);
        page.Append("</section>\n");
    }

    /// <summary>
    /// The run's coded warnings (<see cref="Gates.QualityGateReport.AllWarnings"/>): code, message and the file and
    /// line they are about. Right after the checks: a run that passed with warnings shows them nowhere else.
    /// </summary>
    public static void AppendWarnings(StringBuilder page, IReadOnlyList<Errors.GateDiagnostic> warnings, string? root)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        page.Append(CultureInfo.InvariantCulture, $"<section id=\"warnings\">\n<h2>Warnings ({warnings.Count})</h2>\n")
            .Append("<table class=\"warnings\">\n<thead><tr><th>Code</th><th>Warning</th></tr></thead>\n<tbody>\n");
        foreach (var warning in warnings)
        {
            page.Append("<tr><td><code>").Append(HtmlText.Encode(warning.Code)).Append("</code></td><td>").Append(HtmlText.Encode(warning.Message));
            if (warning.File is { } file)
            {
                page.Append("<br><span class=\"note\">in <code>").Append(HtmlText.Encode(RepositoryRoot.Display(file, root)))
                    .Append(warning.Line > 0 ? ":" + warning.Line.ToString(CultureInfo.InvariantCulture) : string.Empty).Append("</code></span>");
            }

            page.Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void CoverageRow(StringBuilder page, string nameHtml, long linesCovered, long linesValid, double? lineRate,
        long branchesCovered, long branchesValid, double? branchRate, double minimum)
    {
        page.Append("<tr><td>").Append(nameHtml).Append("</td>")
            .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{linesCovered} of {linesValid}</td>")
            .Append("<td class=\"num\">").Append(Percent(lineRate)).Append("</td>")
            .Append("<td class=\"barcell\">").Append(HtmlBar.Rate(lineRate, minimum)).Append("</td>")
            .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{branchesCovered} of {branchesValid}</td>")
            .Append("<td class=\"num\">").Append(Percent(branchRate)).Append("</td></tr>\n");
    }

    private static void ModelRow(StringBuilder page, string name, double? current, double? baseline)
    {
        if (current is null && baseline is null)
        {
            return;
        }

        page.Append("<tr><td><code>").Append(name).Append("</code></td><td class=\"num\">").Append(Number(current))
            .Append("</td><td class=\"num\">").Append(Number(baseline)).Append("</td></tr>\n");
    }

    /// <summary>The files with uncovered lines, worst first, with the line numbers no test ran.</summary>
    private static void AppendUncovered(StringBuilder page, IReadOnlyList<UncoveredFile> files, string? root)
    {
        if (files.Count == 0)
        {
            return;
        }

        page.Append(CultureInfo.InvariantCulture, $"<h3 id=\"uncovered\">Not covered ({files.Count} {(files.Count == 1 ? "file" : "files")} with uncovered lines, worst first)</h3>\n")
            .Append("<table class=\"uncovered\">\n<thead><tr><th>File</th><th>Uncovered</th><th>Lines not run by any test</th></tr></thead>\n<tbody>\n");
        foreach (var file in files)
        {
            page.Append("<tr><td><code>").Append(HtmlText.Encode(RepositoryRoot.Display(file.Path, root))).Append("</code><br><span class=\"note\">")
                .Append(HtmlText.Encode(file.Package)).Append("</span></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{file.LinesUncovered} of {file.LinesValid}</td>")
                .Append("<td class=\"lines\">").Append(HtmlText.Encode(file.UncoveredLines)).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
    }

    private static void Sources(StringBuilder page, IReadOnlyList<string> files, string? root)
    {
        if (files.Count == 0)
        {
            return;
        }

        page.Append("<p class=\"note\">From ");
        page.AppendJoin(", ", files.Select(f => "<code>" + HtmlText.Encode(RepositoryRoot.Display(f, root)) + "</code>"));
        page.Append("</p>\n");
    }

    private static string Figure(long count, string what) =>
        "<li><b>" + count.ToString(CultureInfo.InvariantCulture) + "</b> " + what + "</li>";

    private static string Percent(double? fraction) =>
        fraction is double f && double.IsFinite(f) ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Number(double? value) =>
        value is double v && double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
