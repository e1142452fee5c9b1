
namespace QualityGates.Cli.Tests;

/// <summary>
/// A registry in a temp folder and a CLI that sees only the given environment (by default the CI user
/// <c>ci-runner</c>), so runs are repeatable and never touch a real registry.
/// </summary>
internal sealed class RegistryCli : IDisposable
{
    private static readonly string GuardClausesTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string GuardClausesCoverage = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");

    private readonly TempDirectory _folder = new();

    public RegistryCli(params (string Name, string Value)[] environment)
    {
        Environment = environment.Length == 0
            ? new Dictionary<string, string> { ["USER"] = "ci-runner" }
            : environment.ToDictionary(v => v.Name, v => v.Value);
    }

    public string Root => _folder.Path;
    public string Folder => Path.Combine(_folder.Path, "registry");
    public Dictionary<string, string> Environment { get; }

    /// <summary>Runs a registry verb against this registry (<c>--registry</c> is added).</summary>
    public CliRun Run(params string[] args) => CliRun.In(Environment, [.. args, "--registry", Folder]);

    /// <summary>
    /// Runs the real <c>check</c> on the guard-clauses fixture (959 of 962 tests passed) and returns its
    /// <c>latest.json</c>; with <paramref name="failing"/> the coverage (49.9 %) is gated too and fails.
    /// </summary>
    public string GateReport(string model, string context, bool failing = false)
    {
        var reports = Path.Combine(_folder.Path, "reports-" + Guid.NewGuid().ToString("N")[..8]);
        string[] args = ["check", "--context", context, "--model", model, "--test-results", GuardClausesTrx, "--report-dir", reports];
        var run = CliRun.Of(failing ? [.. args, "--coverage", GuardClausesCoverage] : args);
        Assert.Equal(failing ? 1 : 0, run.ExitCode);
        return Path.Combine(reports, "latest.json");
    }

    public string FileOf(string model) => Path.Combine(Folder, model + ".jsonl");

    public void Dispose() => _folder.Dispose();
}
