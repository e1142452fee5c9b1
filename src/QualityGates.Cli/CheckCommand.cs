using System.CommandLine;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Cobertura;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.Cli;

/// <summary><c>qualitygates check</c>: judges TRX, Cobertura, model-metrics and security-scan files against a context's thresholds.</summary>
internal sealed class CheckCommand(Func<string, string?> environment)
{
    private readonly Option<string> _context = new("--context", "-c")
    {
        Description = "Deployment context: development, staging or production.",
        DefaultValueFactory = _ => GateRunRequest.DefaultContext,
    };

    private readonly Option<string> _model = new("--model", "-m") { Description = "The model or product, as name:version.", HelpName = "name:version" };
    private readonly Option<string[]> _testResults = new("--test-results") { Description = "TRX file or glob (repeatable).", HelpName = "trx" };
    private readonly Option<string[]> _coverage = new("--coverage") { Description = "Cobertura file or glob (repeatable).", HelpName = "xml" };
    private readonly Option<string> _testMetrics = new("--test-metrics")
    {
        Description = "Test figures as JSON when no TRX is at hand: total_tests, passed_tests, failed_tests, skipped_tests, coverage_percent (see " + DocumentationLinks.Page("inputs-json.md") + ").",
        HelpName = "json",
    };
    private readonly Option<string> _metrics = new("--metrics") { Description = "Model metrics JSON.", HelpName = "json" };
    private readonly Option<string> _baseline = new("--baseline") { Description = "Baseline model metrics JSON.", HelpName = "json" };
    private readonly Option<string[]> _securityScans = new("--security-scan") { Description = "Security scan JSON or SARIF (repeatable; format detected).", HelpName = "file" };
    private readonly Option<string[]> _benchmarks = new("--benchmarks")
    {
        Description = "BenchmarkDotNet JSON exports of this run (*-report-full.json, brief or compressed; repeatable, globs allowed): adds benchmarks.time and benchmarks.allocated.",
        HelpName = "json",
    };
    private readonly Option<string[]> _benchmarkBaseline = new("--benchmark-baseline")
    {
        Description = "The baseline's BenchmarkDotNet exports, or an earlier gate report (repeatable, globs allowed; default: the benchmarks of the registry's last approval for --model and --context).",
        HelpName = "json",
    };
    private readonly Option<string> _waivers = new("--waivers") { Description = "Waivers file (default: qualitygates.waivers.json searched from the current folder up to the repository root).", HelpName = "file" };
    private readonly Option<bool?> _strict = new("--strict") { Description = "A check whose input is missing fails (--strict, --strict true) or is skipped (--strict false). Default: fails only in production.", HelpName = "true|false" };
    private readonly Option<string[]> _coverageIncludeAssemblies = new("--coverage-include-assembly")
    {
        Description = "Count only these assemblies (Cobertura package names; * and ? allowed; repeatable).",
        HelpName = "name",
    };
    private readonly Option<string[]> _coverageExcludeAssemblies = new("--coverage-exclude-assembly")
    {
        Description = "Leave these assemblies out of the coverage figure, e.g. the test project's own (repeatable).",
        HelpName = "name",
    };
    private readonly Option<string[]> _coverageIncludeFiles = new("--coverage-include-file")
    {
        Description = "Count only source files matching this glob (** for any folders; repeatable).",
        HelpName = "glob",
    };
    private readonly Option<string[]> _coverageExcludeFiles = new("--coverage-exclude-file")
    {
        Description = "Leave source files matching this glob out of the coverage figure, e.g. **/Generated/*.cs (repeatable).",
        HelpName = "glob",
    };
    private readonly Option<string> _coverageStat = new("--coverage-stat")
    {
        Description = "Which coverage the minimum applies to: total (the run's total, default) or minimum (also every assembly on its own: coverage.line[<assembly>], QG2025; coverage.branch[<assembly>], QG2026).",
        HelpName = "total|minimum",
    };
    private readonly Option<string[]> _checks = new("--checks")
    {
        Description = "Groups of checks to run: tests, coverage, model, security, benchmarks or all (repeatable or ';'-separated). "
            + "Default: tests and coverage, plus model, security and benchmarks when their files are named.",
        HelpName = "group",
    };
    private readonly Option<bool> _failOnAnyTestFailure = new("--fail-on-any-test-failure") { Description = "Any failed test blocks the run (check tests.any_failure, QG2012)." };
    private readonly Option<bool> _allowAbortedRun = new("--allow-aborted-run") { Description = "Judge a test run its producer marks as aborted on its partial results instead of failing tests.pass_rate." };
    private readonly Option<string?> _targetFramework = new("--target-framework") { Description = "The target framework this run tested (net8.0); put into the JUnit names so the legs of a multi-targeting project stay apart." };
    private readonly Option<string> _junit = new("--junit") { Description = "Write the JUnit XML report to this file.", HelpName = "path" };
    private readonly Option<string> _reportDirectory = new("--report-dir")
    {
        Description = "Write the reports here: gates.html (the page to open), junit-gates.xml, report-<UTC time>-<random>.json (one per run), "
            + "latest.json (a copy of the newest) and, when blocked, a line in blocks.jsonl.",
        HelpName = "dir",
    };
    private readonly Option<string> _keepReports = new("--keep-reports")
    {
        Description = $"How many report-*.json files to keep in --report-dir, newest first (0 keeps all; default {ReportRetention.DefaultKeep}). latest.json and this run's report are never deleted.",
        HelpName = "count",
    };
    private readonly Option<bool> _json = new("--json") { Description = "Print the JSON report on stdout (and nothing else there)." };
    private readonly Option<string> _webhook = new("--webhook") { Description = $"POST a JSON payload to this http(s) URL when the gates block (default: ${WebhookOptions.UrlVariable}).", HelpName = "url" };
    private readonly Option<bool> _webhookAlways = new("--webhook-always") { Description = "POST the webhook after every run, not only blocked ones." };
    private readonly Option<string> _webhookTimeout = new("--webhook-timeout") { Description = "Seconds the webhook may take before it is given up with a warning (default 5).", HelpName = "seconds" };
    private readonly Option<bool> _approveOnPass = new("--approve-on-pass") { Description = "Approve --model for --context in the registry when the gates pass; record a blocked run." };
    private readonly Option<string> _approvedBy = new("--approved-by") { Description = "Who approves with --approve-on-pass (default: the CI user, see the docs).", HelpName = "who" };
    private readonly Option<string> _registry = new("--registry")
    {
        Description = $"The registry for --approve-on-pass: a folder or a PostgreSQL database, as for the registry verbs (default: ${RegistryLocation.EnvironmentVariable}, else {RegistryLocation.DefaultFolder}).",
        HelpName = "dir",
    };
    // Issue 12: new-code coverage and the ratchet.
    private readonly Option<bool> _newCode = new("--new-code") { Description = "Add coverage.new_code: coverage of the lines this change added or modified since the merge base with --base-ref (runs git in the current folder)." };
    private readonly Option<string> _baseRef = new("--base-ref")
    {
        Description = "The branch or commit the change merges into (default: the CI server's pull request target, else origin/HEAD, main, master).",
        HelpName = "ref",
    };
    private readonly Option<string> _newCodeDiff = new("--new-code-diff") { Description = "WorkingTree (default: commits, uncommitted changes, untracked source files) or Head (commits only).", HelpName = "WorkingTree|Head" };
    private readonly Option<bool> _ratchet = new("--ratchet") { Description = "Add ratchet.line_coverage, ratchet.branch_coverage, ratchet.test_pass_rate: no figure may fall below the baseline by more than --ratchet-tolerance." };
    private readonly Option<string> _baselineReport = new("--baseline-report")
    {
        Description = "A JSON gate report to ratchet against (default: the registry's last approved report for --model and --context).",
        HelpName = "json",
    };
    private readonly ThresholdOptions _thresholds = new();

    public Command Create()
    {
        var command = new Command("check", "Evaluate the quality gates on test, coverage, model and security results.")
        {
            _context, _model, _testResults, _coverage, _testMetrics, _metrics, _baseline, _securityScans, _benchmarks, _benchmarkBaseline, _checks, _coverageIncludeAssemblies, _coverageExcludeAssemblies, _coverageIncludeFiles, _coverageExcludeFiles, _coverageStat, _strict, _failOnAnyTestFailure,
            _allowAbortedRun, _targetFramework,
            _junit, _reportDirectory, _keepReports, _json, _webhook, _webhookAlways, _webhookTimeout, _approveOnPass, _approvedBy, _registry,
            _newCode, _baseRef, _newCodeDiff, _ratchet, _baselineReport,
            _waivers,
        };
        foreach (var option in _thresholds.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Execute(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        GateRunRequest request;
        try
        {
            request = ReadRequest(result);
        }
        catch (QualityGatesException ex)
        {
            ErrorOutput.Error(error, ex);
            return ExitCodes.BadInput;
        }

        return new CheckExecution(output, error).Run(request);
    }

    private GateRunRequest ReadRequest(ParseResult result)
    {
        var model = result.GetValue(_model);
        var approveOnPass = result.GetValue(_approveOnPass);
        var testResults = result.GetValue(_testResults) ?? [];
        var coverage = result.GetValue(_coverage) ?? [];
        var securityScans = result.GetValue(_securityScans) ?? [];
        var benchmarks = result.GetValue(_benchmarks) ?? [];
        var benchmarkBaseline = result.GetValue(_benchmarkBaseline) ?? [];
        var testMetrics = result.GetValue(_testMetrics);
        var metrics = result.GetValue(_metrics);
        var baseline = result.GetValue(_baseline);
        var groups = GateGroups.Parse(result.GetValue(_checks) ?? [], _checks.Name,
            GateGroups.Default(metrics is not null || baseline is not null, securityScans.Length > 0));
        var request = new GateRunRequest
        {
            Context = result.GetValue(_context),
            ContextSource = _context.Name,
            Model = model is null ? null : ModelIdentity.Parse(model, _model.Name),
            Overrides = _thresholds.Read(result),
            Strict = result.GetValue(_strict),
            FailOnAnyTestFailure = result.GetValue(_failOnAnyTestFailure),
            CoverageStat = CoverageStats.Parse(result.GetValue(_coverageStat), _coverageStat.Name),
            AllowAbortedRun = result.GetValue(_allowAbortedRun),
            TargetFramework = result.GetValue(_targetFramework),
            Groups = groups,
            TestResultFiles = testResults,
            CoverageFiles = coverage,
            CoverageFilter = new CoverageFilter
            {
                IncludeAssemblies = result.GetValue(_coverageIncludeAssemblies) ?? [],
                ExcludeAssemblies = result.GetValue(_coverageExcludeAssemblies) ?? [],
                IncludeFiles = result.GetValue(_coverageIncludeFiles) ?? [],
                ExcludeFiles = result.GetValue(_coverageExcludeFiles) ?? [],
            },
            SecurityScanFiles = securityScans,
            TestMetricsFile = testMetrics,
            ModelMetricsFile = metrics,
            BaselineFile = baseline,
            Reports = new ReportOptions
            {
                Folder = result.GetValue(_reportDirectory),
                KeepReports = ReportRetention.Parse(result.GetValue(_keepReports), _keepReports.Name),
                JUnitFile = result.GetValue(_junit),
                Json = result.GetValue(_json),
            },
            Registry = approveOnPass
                ? new Running.RegistryOptions { Folder = result.GetValue(_registry), ApprovedBy = result.GetValue(_approvedBy), Source = _approveOnPass.Name }
                : null,
            Publish = new CiReportOptions
            {
                Webhook = WebhookOptions.FromSettings(
                    new WebhookSettings(result.GetValue(_webhook), result.GetValue(_webhookAlways), result.GetValue(_webhookTimeout), _webhook.Name, _webhookTimeout.Name),
                    environment),
            },
            NewCode = result.GetValue(_newCode)
                ? new NewCodeOptions { BaseRef = result.GetValue(_baseRef), BaseRefSource = _baseRef.Name, Diff = result.GetValue(_newCodeDiff), DiffSource = _newCodeDiff.Name }
                : null,
            Ratchet = result.GetValue(_ratchet)
                ? new RatchetOptions { BaselineReport = result.GetValue(_baselineReport), Registry = result.GetValue(_registry), Source = _ratchet.Name }
                : null,
            Benchmarks = benchmarks.Length + benchmarkBaseline.Length > 0
                ? new BenchmarkOptions
                {
                    Files = benchmarks, BaselineFiles = benchmarkBaseline, Registry = result.GetValue(_registry),
                    FilesSource = _benchmarks.Name, BaselineSource = _benchmarkBaseline.Name,
                }
                : null,
            Environment = environment,
            WaiversFile = result.GetValue(_waivers),
            WaiversFileSource = _waivers.Name,
        };
        var inputs = (testResults.Length > 0 || testMetrics is not null ? GateGroup.Tests | GateGroup.Coverage : GateGroup.None)
            | (coverage.Length > 0 ? GateGroup.Coverage : GateGroup.None)
            | (metrics is not null || baseline is not null ? GateGroup.Model : GateGroup.None)
            | (securityScans.Length > 0 ? GateGroup.Security : GateGroup.None)
            | (benchmarks.Length > 0 ? GateGroup.Benchmarks : GateGroup.None);
        return (groups & inputs) != GateGroup.None ? request : throw NothingToJudge(request);
    }

    /// <summary>The settings' own errors when there are any (they say more), else QG4003: a check with no input would pass on nothing.</summary>
    private static QualityGatesException NothingToJudge(GateRunRequest request)
    {
        var settingError = GateRun.Check(request).FirstOrDefault(d => d.IsError);
        return settingError is not null
            ? new QualityGatesException(settingError.Code, settingError.Message, settingError.File)
            : new QualityGatesException(ErrorCodes.NothingToJudge,
                "Nothing to judge: name the files to check (--test-results, --coverage, --test-metrics, --metrics, --security-scan, --benchmarks) "
                + "for at least one of the selected groups (--checks).");
    }
}
