using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.TestHost;
using QualityGates.Errors;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Shows a gate result where the user of each mode sees it (measured on the .NET 10.0.401 SDK):
/// <list type="bullet">
/// <item>run directly (<c>dotnet run</c>, the executable): the platform's output device prints the gate
/// table, the summary line, one <c>error QGnnnn : …</c> / <c>warning QGnnnn : …</c> line per diagnostic
/// and the CI server's commands;</item>
/// <item><c>dotnet test</c>'s native mode shows no extension's output-device data, but it prints the test
/// application's standard output when the application exits non-zero: there the same lines (without
/// the table) go to standard output, once, and only there.</item>
/// </list>
/// In both, the report files are published as session file artifacts, which both list, a passing run included.
/// </summary>
internal sealed class GateOutput(IOutputDevice device, IOutputDeviceDataProducer producer)
{
    /// <summary>True in <c>dotnet test</c>'s native mode (the SDK sets it for each test application it starts).</summary>
    public static bool UnderDotnetTest => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GateRunSettings.DotnetTestVariable));

    public async Task ShowAsync(GateSessionResult result, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var run in result.Runs)
        {
            lines.AddRange(Lines(run, run == result.Run ? result.CiLines : [], withTable: !UnderDotnetTest));
        }

        if (UnderDotnetTest)
        {
            // The process's own standard output, not Console.Out: a framework may capture Console.Out for its
            // tests' output (TUnit does, also after the tests), and the SDK shows only what reaches the stream.
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = false };
            foreach (var line in lines)
            {
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
            }

            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var run in result.Runs)
        {
            foreach (var line in Lines(run, run == result.Run ? result.CiLines : [], withTable: true, diagnostics: false))
            {
                await DisplayAsync(new TextOutputDeviceData(line), cancellationToken).ConfigureAwait(false);
            }

            foreach (var diagnostic in run.Diagnostics)
            {
                var text = LineOf(diagnostic);
                IOutputDeviceData data = diagnostic.IsError ? new ErrorMessageOutputDeviceData(text) : new WarningMessageOutputDeviceData(text);
                await DisplayAsync(data, cancellationToken).ConfigureAwait(false);
            }

            if (RegistryLine(run) is { } registry)
            {
                await DisplayAsync(new TextOutputDeviceData(registry), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Publishes the report files of every run (the project's, then the solution's) as session file artifacts.</summary>
    public static async Task PublishReportsAsync(IMessageBus bus, IDataProducer producer, SessionUid session, GateSessionResult result)
    {
        foreach (var files in result.Runs.Select(r => r.Files).OfType<ReportFiles>())
        {
            foreach (var (path, name) in new[] { (files.Html, "Quality gates page"), (files.JUnit, "Quality gates JUnit report"), (files.Json, "Quality gates JSON report") })
            {
                if (path is not null && File.Exists(path))
                {
                    await bus.PublishAsync(producer, new SessionFileArtifact(session, new FileInfo(path), name, GateExtensionInfo.DisplayName)).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The run's lines in print order; inputs came from files and test names, so every line is neutralised.</summary>
    private static IEnumerable<string> Lines(GateRunResult run, IReadOnlyList<string> ciLines, bool withTable, bool diagnostics = true)
    {
        foreach (var message in run.Messages)
        {
            yield return Neutral(message);
        }

        if (withTable && run.Report is { } report)
        {
            yield return Neutral(Environment.NewLine + SummaryTable.Render(report));
            foreach (var line in run.InputLines)
            {
                yield return Neutral(line);
            }
        }

        if (run.SummaryLine is { } summary)
        {
            yield return Neutral(summary);
        }

        // The CI server's own commands, made by the engine (their data already escaped): shown as they are.
        foreach (var line in ciLines)
        {
            yield return line;
        }

        if (diagnostics)
        {
            foreach (var diagnostic in run.Diagnostics)
            {
                yield return LineOf(diagnostic);
            }

            if (RegistryLine(run) is { } registry)
            {
                yield return registry;
            }
        }
    }

#if PLATFORM_V1
    private Task DisplayAsync(IOutputDeviceData data, CancellationToken cancellationToken) => device.DisplayAsync(producer, data);
#else
    private Task DisplayAsync(IOutputDeviceData data, CancellationToken cancellationToken) => device.DisplayAsync(producer, data, cancellationToken);
#endif

    private static string LineOf(GateDiagnostic diagnostic)
    {
        var place = diagnostic.File is null ? string.Empty : $"{diagnostic.File}{(diagnostic.Line > 0 ? $"({diagnostic.Line})" : string.Empty)}: ";
        return ConsoleText.Neutralise($"{place}{(diagnostic.IsError ? "error" : "warning")} {diagnostic.Code} : {diagnostic.Message}");
    }

    private static string? RegistryLine(GateRunResult run) => run.RegistryRecord is { } record
        ? Neutral($"Quality gates registry: {record.Model.Name} {record.Model.Version} {RegistryRecordKinds.NameOf(record.Kind)} for {run.Report?.ContextName} by {record.By} ({record.File})")
        : null;

    private static string Neutral(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(l => ConsoleText.Neutralise(l.TrimEnd('\r'))));
}
