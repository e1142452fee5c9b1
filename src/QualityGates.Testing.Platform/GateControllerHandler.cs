using System.Text.Json;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Microsoft.Testing.Platform.OutputDevice;
using QualityGates.Metrics;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The gate in the test host controller, for runs with coverlet.MTP (<c>--coverlet</c>). coverlet.MTP
/// instruments and collects out of process: its Cobertura file
/// (<c>&lt;results folder&gt;/coverage.cobertura.&lt;timestamp&gt;.xml</c>) is written by the controller after
/// the test host has exited (coverlet.MTP's CollectorExtension.OnTestHostProcessExitedAsync). The
/// package registers this extension after coverlet.MTP, so this handler runs after coverlet's: it reads
/// the results the test host handed over (<see cref="HandOffVariable"/>), takes the Cobertura files
/// written since the test host started (never an older run's), judges, and shows the verdict. It
/// cannot report failed checks as test nodes: a node published by the controller crashes the .NET 10.0.401
/// SDK's native dotnet test ("The instanceId ... not found"), so a blocked run is carried by the exit code.
/// </summary>
internal sealed class GateControllerHandler(
    ICommandLineOptions options, IConfiguration configuration, IOutputDevice outputDevice)
    : ITestHostEnvironmentVariableProvider, ITestHostProcessLifetimeHandler, IOutputDeviceDataProducer
{
    /// <summary>Tells the test host where to write its results instead of judging them itself.</summary>
    public const string HandOffVariable = "QUALITYGATES_TESTING_PLATFORM_RESULTS";

    /// <summary>coverlet.MTP's option that switches its collection on.</summary>
    public const string CoverletOption = "coverlet";

    private readonly string _handOffFile = Path.Combine(Path.GetTempPath(), $"qualitygates-{Guid.NewGuid():N}.json");
    private readonly ExitCodeLatch _latch = new();
    private DateTime _startedUtc;

    public string Uid => nameof(GateControllerHandler);

    public string Version => GateExtensionInfo.Version;

    public string DisplayName => GateExtensionInfo.DisplayName;

    public string Description => GateExtensionInfo.Description;

    /// <summary>Only with coverlet.MTP's collection on: otherwise the test host judges and no controller process is needed.</summary>
    public Task<bool> IsEnabledAsync() => Task.FromResult(options.IsOptionSet(CoverletOption) && !options.IsOptionSet("list-tests"));

    public Task UpdateAsync(IEnvironmentVariables environmentVariables)
    {
        environmentVariables.SetVariable(new EnvironmentVariable(HandOffVariable, _handOffFile, isSecret: false, isLocked: true));
        return Task.CompletedTask;
    }

    public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(IReadOnlyEnvironmentVariables environmentVariables) => ValidationResult.ValidTask;

    public Task BeforeTestHostProcessStartAsync(CancellationToken cancellationToken)
    {
        _startedUtc = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task OnTestHostProcessStartedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnTestHostProcessExitedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellationToken)
    {
        var tests = ReadHandOff(testHostProcessInformation);
        var result = GateSessionRun.Judge(options, tests, RunCoverageFiles());
        if (result is null)
        {
            return;
        }

        await new GateOutput(outputDevice, this).ShowAsync(result, cancellationToken).ConfigureAwait(false);
        if (result.Blocked)
        {
            _latch.Fail();
        }
    }

    /// <summary>The test host's results; a test host that ended without handing them over aborted.</summary>
    private TestRunSummary ReadHandOff(ITestHostProcessInformation testHost)
    {
        try
        {
            if (File.Exists(_handOffFile))
            {
                return TestRunHandOff.FromJson(File.ReadAllText(_handOffFile)) ?? Aborted(testHost);
            }
        }
        catch (JsonException)
        {
            // A half-written file: the test host died while writing it.
        }
        finally
        {
            File.Delete(_handOffFile);
        }

        return Aborted(testHost);
    }

    private static TestRunSummary Aborted(ITestHostProcessInformation testHost) => new()
    {
        Aborted = true,
        AbortReason = $"The test host exited with code {testHost.ExitCode} before it reported its results.",
    };

    /// <summary>The Cobertura files coverlet.MTP wrote in the results folder during this run.</summary>
    private IReadOnlyList<string> RunCoverageFiles()
    {
        var folder = configuration.GetTestResultDirectory();
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.xml")
            .Where(f => Path.GetFileName(f).Contains("coverage.cobertura.", StringComparison.OrdinalIgnoreCase))
            .Where(f => File.GetLastWriteTimeUtc(f) >= _startedUtc)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
