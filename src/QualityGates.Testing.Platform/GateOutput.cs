using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.OutputDevice;
using QualityGates.Files;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Shows a gate result on the platform's output device: the gate table, the CI server's commands,
/// then one <c>error QGnnnn : message</c> or <c>warning QGnnnn : message</c> line per diagnostic and the
/// report files. The output device is what a test application run directly prints; <c>dotnet test</c>'s
/// native mode does not show it (docs/testing-platform.md), which is why the test host also reports
/// errors as failed test nodes (<see cref="GateSessionHandler"/>).
/// </summary>
internal sealed class GateOutput(IOutputDevice device, IOutputDeviceDataProducer producer)
{
    public async Task ShowAsync(GateSessionResult result, CancellationToken cancellationToken)
    {
        foreach (var run in result.Runs)
        {
            await ShowAsync(run, run == result.Run ? result.CiLines : [], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShowAsync(GateRunResult run, IReadOnlyList<string> ciLines, CancellationToken cancellationToken)
    {
        foreach (var message in run.Messages)
        {
            await TextAsync(message, cancellationToken).ConfigureAwait(false);
        }

        if (run.Report is { } report)
        {
            await TextAsync(Environment.NewLine + SummaryTable.Render(report), cancellationToken).ConfigureAwait(false);
            foreach (var line in run.InputLines)
            {
                await TextAsync(line, cancellationToken).ConfigureAwait(false);
            }
        }

        if (run.SummaryLine is { } summary)
        {
            await TextAsync(summary, cancellationToken).ConfigureAwait(false);
        }

        foreach (var line in ciLines)
        {
            // The CI server's own commands, made by the engine (their data already escaped): shown as they are.
            await device.DisplayAsync(producer, new TextOutputDeviceData(line), cancellationToken).ConfigureAwait(false);
        }

        foreach (var diagnostic in run.Diagnostics)
        {
            var place = diagnostic.File is null ? string.Empty : $"{diagnostic.File}{(diagnostic.Line > 0 ? $"({diagnostic.Line})" : string.Empty)}: ";
            var text = ConsoleText.Neutralise($"{place}{(diagnostic.IsError ? "error" : "warning")} {diagnostic.Code} : {diagnostic.Message}");
            IOutputDeviceData data = diagnostic.IsError ? new ErrorMessageOutputDeviceData(text) : new WarningMessageOutputDeviceData(text);
            await device.DisplayAsync(producer, data, cancellationToken).ConfigureAwait(false);
        }

        if (run.RegistryRecord is { } record)
        {
            await TextAsync($"Quality gates registry: {record.Model.Name} {record.Model.Version} {RegistryRecordKinds.NameOf(record.Kind)} for {run.Report?.ContextName} by {record.By} ({record.File})", cancellationToken).ConfigureAwait(false);
        }

        if (run.Files is { } files)
        {
            await TextAsync($"Quality gate reports: {string.Join(", ", new[] { files.JUnit, files.Json, files.Html }.OfType<string>())}", cancellationToken).ConfigureAwait(false);
        }
    }

    // Everything shown may carry input text (file names, test names): neutralised for the console, line by line.
    private Task TextAsync(string text, CancellationToken cancellationToken) =>
        device.DisplayAsync(producer, new TextOutputDeviceData(string.Join(Environment.NewLine, text.Split('\n').Select(l => ConsoleText.Neutralise(l.TrimEnd('\r'))))), cancellationToken);
}
