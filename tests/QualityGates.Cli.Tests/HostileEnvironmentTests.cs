namespace QualityGates.Cli.Tests;

/// <summary>
/// Hostile inputs through the CLI: smuggled workflow commands stay inert on stdout and stderr, planted links
/// and FIFOs are refused with a code, empty options and malformed input exit 2 without a stack trace.
/// </summary>
public sealed class HostileEnvironmentTests : IDisposable
{
    private static readonly string GuardClausesTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");

    private readonly TempDirectory _dir = new();

    [Fact]
    public void AValueStartingWithAtIsAValueNeverAResponseFile()
    {
        // CI scripts pass commit messages, titles and tags as values; one that starts with '@' must not
        // read a file of more arguments (another context, approver and registry) or print a file.
        using var cli = new RegistryCli();
        var notes = _dir.Write("notes.txt", $"looks-fine -c production --approved-by mallory --registry {Path.Combine(_dir.Path, "other-registry")}\n");
        var secret = _dir.Write(".env", "TOKEN=hunter2\n");

        var approve = cli.Run("approve", "-m", "veran:v1", "-c", "staging", "--notes", "@" + notes, "--approved-by", "@" + secret, "--json");
        var check = CliRun.Of("check", "--context", "@" + secret);

        Assert.Equal(0, approve.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(approve.Output);
        var record = json.RootElement;
        Assert.Equal(("staging", "@" + secret, "@" + notes), (record.GetProperty("context").GetString(), record.GetProperty("by").GetString(), record.GetProperty("notes").GetString()));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "other-registry")));
        Assert.Equal(2, check.ExitCode);
        Assert.Equal(["QG0001"], check.ErrorCodes);
        Assert.DoesNotContain("hunter2", approve.Output + approve.Error + check.Output + check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrxFileNameCannotSmuggleWorkflowCommandsOntoTheConsole()
    {
        // The issue's repro: a file name with line breaks and ##vso[ / ::error:: lines.
        var name = "x\n##vso[task.setvariable variable=X]evil\n::error::forged\u001b[2J\nz.trx";
        _dir.Write(Path.Combine("T", name), "<TestRun");

        var run = CliRun.Of("check", "--test-results", Path.Combine(_dir.Path, "T", "*.trx"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG1003"], run.ErrorCodes);
        AssertInert(run.Output + run.Error);
    }

    [Fact]
    public void AHostileScanToolNameStaysInertInTheJsonOnStdout()
    {
        const string tool = "##vso[task.complete result=Succeeded]\\u001b[0m\\u202E";
        var scan = _dir.Write("scan.json", "{\"critical_vulnerabilities\": 0, \"high_vulnerabilities\": 0, \"medium_vulnerabilities\": 0, \"low_vulnerabilities\": 0, \"scan_tool\": \"" + tool + "\"}");

        var run = CliRun.Of("check", "--context", "development", "--security-scan", scan, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Contains("task.complete", run.Output); // the value is there, parseable, and inert
        AssertInert(run.Output + run.Error);
    }

    [Fact]
    public void AnApprovalIsNotAppendedThroughAPlantedLink()
    {
        using var cli = new RegistryCli();
        var victim = _dir.Write("victim.txt", "keep\n");
        SpecialFiles.Link(cli.FileOf("veran"), victim);

        var run = cli.Run("approve", "-m", "veran:v1", "-c", "staging");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG3009"], run.ErrorCodes);
        Assert.Equal("keep\n", File.ReadAllText(victim));
    }

    [Fact]
    public void AFifoAsARegistryFileDoesNotHangStatus()
    {
        using var cli = new RegistryCli();
        SpecialFiles.Fifo(cli.FileOf("veran"));

        var run = SpecialFiles.Within(() => cli.Run("status", "-m", "veran:v1"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG3009"], run.ErrorCodes);
    }

    [Theory]
    [InlineData("status", "-m", "veran:v1")]
    [InlineData("can-deploy", "-m", "veran:v1", "-c", "staging")]
    [InlineData("history", "-m", "veran")]
    public void ARegistryPathThatIsAFileIsAnError(params string[] args)
    {
        var file = _dir.Write("registry", "not a folder");

        var run = CliRun.Of([.. args, "--registry", file]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG3008"], run.ErrorCodes);
    }

    [Theory]
    [InlineData("--coverage")]
    [InlineData("--test-results")]
    [InlineData("--security-scan")]
    [InlineData("--metrics")]
    [InlineData("--report-dir")]
    [InlineData("--junit")]
    public void AnExplicitlyEmptyOptionIsAUsageError(string option)
    {
        var run = CliRun.Of("check", "--context", "development", "--test-results", GuardClausesTrx, option, "");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG4001"], run.ErrorCodes);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public void AnEmptyRegistryOptionIsAUsageErrorNotTheDefaultFolder()
    {
        var run = CliRun.Of("approve", "-m", "veran:v1", "-c", "staging", "--registry", " ");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG4001"], run.ErrorCodes);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1, \"modelName\": \"\\ud800\"}", "QG1004")]
    [InlineData("{\"schemaVersion\": 1, \"\\udc00\": 1}", "QG1004")]
    [InlineData("{\"schemaVersion\": 1, \"allPassed\": false, \"allPassed\": true}", "QG1014")]
    public void ABadReportToApproveFromIsCodedWithoutAStackTrace(string json, string code)
    {
        using var cli = new RegistryCli();
        var report = _dir.Write("report.json", json);

        var run = cli.Run("approve", "--report", report, "-m", "veran:v1", "-c", "staging");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([code], run.ErrorCodes);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("{\"critical_vulnerabilities\": \"\\ud800\"}", "QG1004")]
    [InlineData("{\"critical_vulnerabilities\": 5, \"critical_vulnerabilities\": 0}", "QG1014")]
    public void ABadScanIsCodedWithoutAStackTrace(string json, string code)
    {
        var scan = _dir.Write("scan.json", json);

        var run = CliRun.Of("check", "--security-scan", scan);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([code], run.ErrorCodes);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void AFifoAsAnInputDoesNotHangCheck()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.Path, "scan.json"));

        var run = SpecialFiles.Within(() => CliRun.Of("check", "--security-scan", fifo));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG1015"], run.ErrorCodes);
    }

    [Fact]
    public void AModelNameWithABidiOverrideIsRefused()
    {
        using var cli = new RegistryCli();

        var run = cli.Run("approve", "-m", "ver\u202Ean:v1", "-c", "staging", "--approved-by", "alice");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG0005"], run.ErrorCodes);
        Assert.DoesNotContain('\u202E', run.Error);
    }

    public void Dispose() => _dir.Dispose();

    private static void AssertInert(string console)
    {
        foreach (var line in console.Split('\n'))
        {
            Assert.DoesNotContain("##vso[", line, StringComparison.OrdinalIgnoreCase);
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
            Assert.DoesNotContain(line, c => c is '\u001b' or '\u202E' or '\0' or '\b');
        }
    }
}
