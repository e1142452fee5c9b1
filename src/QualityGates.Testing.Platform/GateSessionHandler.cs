using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The gate inside the test host: counts the session's results from the platform's test node updates
/// and, when the session finishes, judges them (with the coverage files the user named), writes the
/// reports and shows the verdict. Each error (a failed check, a bad setting or input) is also published
/// as a failed test node named after its code, the one channel every runner shows, <c>dotnet test</c>'s
/// native mode included; this is also what makes the platform fail the run (exit code 2).
/// When coverlet.MTP collects coverage, the coverage file only exists after this process ends, so the
/// results are handed to <see cref="GateControllerHandler"/> in the controlling process instead.
/// </summary>
internal sealed class GateSessionHandler(
    ICommandLineOptions options, IOutputDevice outputDevice, IMessageBus messageBus)
    : IDataConsumer, ITestSessionLifetimeHandler, IDataProducer, IOutputDeviceDataProducer
{
    private readonly TestOutcomes _outcomes = new();
    private readonly ExitCodeLatch _latch = new();

    public string Uid => nameof(GateSessionHandler);

    public string Version => GateExtensionInfo.Version;

    public string DisplayName => GateExtensionInfo.DisplayName;

    public string Description => GateExtensionInfo.Description;

    public Type[] DataTypesConsumed { get; } = [typeof(TestNodeUpdateMessage)];

    public Type[] DataTypesProduced { get; } = [typeof(TestNodeUpdateMessage)];

    /// <summary>Off for test discovery (<c>--list-tests</c>), where nothing runs.</summary>
    public Task<bool> IsEnabledAsync() => Task.FromResult(!options.IsOptionSet("list-tests"));

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(dataProducer, this) && value is TestNodeUpdateMessage update)
        {
            _outcomes.Record(update.TestNode);
        }

        return Task.CompletedTask;
    }

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        var cancellation = testSessionContext.CancellationToken;
        var source = Environment.ProcessPath ?? AppContext.BaseDirectory;
        var tests = _outcomes.Summarize(source, aborted: cancellation.IsCancellationRequested);
        if (Environment.GetEnvironmentVariable(GateControllerHandler.HandOffVariable) is { Length: > 0 } handOff)
        {
            // The controlling process judges once coverlet.MTP has written the coverage.
            await File.WriteAllTextAsync(handOff, TestRunHandOff.ToJson(tests), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var result = GateSessionRun.Judge(options, tests, runCoverageFiles: []);
        if (result is null)
        {
            return;
        }

        await new GateOutput(outputDevice, this).ShowAsync(result, cancellation).ConfigureAwait(false);
        await GateFailureNodes.PublishAsync(messageBus, this, testSessionContext.SessionUid, result).ConfigureAwait(false);

        if (result.Blocked)
        {
            _latch.Fail();
        }
    }
}
