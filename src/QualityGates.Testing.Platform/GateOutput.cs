using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.OutputDevice;
using QualityGates.Reports;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Shows a gate result on the platform's output device: the gate table, the CI server's commands,
/// then one <c>error QGnnnn : message</c> or <c>warning QGnnnn : message</c> line per diagnostic and the
/// report files. The output device is what a test application run directly prints; <c>dotnet test</c>'s
/// native mode does not show it (docs/testing-platform.md), which is why failed checks are also
/// reported as failed test nodes by <see cref="GateSessionHandler"/>.
/// </summary>
internal sealed class GateOutput(IOutputDevice device, IOutputDeviceDataProducer producer)
{
    public async Task ShowAsync(GateResult result, CancellationToken cancellationToken)
    {
        if (result.Report is { } report)
        {
            await TextAsync(Environment.NewLine + SummaryTable.Render(report), cancellationToken).ConfigureAwait(false);
        }

        foreach (var line in result.CiLines)
        {
            await TextAsync(line, cancellationToken).ConfigureAwait(false);
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            var text = diagnostic.Code.Length == 0 ? diagnostic.Message : $"{diagnostic.Code} : {diagnostic.Message}";
            IOutputDeviceData data = diagnostic.IsError
                ? new ErrorMessageOutputDeviceData("error " + text)
                : new WarningMessageOutputDeviceData("warning " + text);
            await device.DisplayAsync(producer, data, cancellationToken).ConfigureAwait(false);
        }

        if (result.Files is { } files)
        {
            await TextAsync($"Quality gate reports: {string.Join(", ", new[] { files.JUnit, files.Json, files.Html }.OfType<string>())}", cancellationToken).ConfigureAwait(false);
        }
    }

    private Task TextAsync(string text, CancellationToken cancellationToken) =>
        device.DisplayAsync(producer, new TextOutputDeviceData(text), cancellationToken);
}
