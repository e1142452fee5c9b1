using QualityGates.Inputs;

namespace QualityGates.Reports;

/// <summary>The console lines about a run's inputs, neutralised: one per file read, then one per kind of input merged from several files.</summary>
internal static class InputLines
{
    public static IReadOnlyList<string> For(IReadOnlyList<InputFileRead> files) =>
        files.Select(Of).Concat(InputMerge.Of(files).Select(Of)).ToList();

    /// <summary>The line for one file: <c>QualityGates input: TRX tests/x.trx: 50 results, 1 failed</c>.</summary>
    public static string Of(InputFileRead file) =>
        ConsoleText.Neutralise($"QualityGates input: {file.Kind} {file.Path}: {file.Contribution}{(file.SameAs is null ? string.Empty : $" ({file.SameAs})")}");

    /// <summary>The line for a kind merged from several files: <c>QualityGates merged </c> and its <see cref="InputMerge.Description"/>.</summary>
    public static string Of(InputMerge merge) => ConsoleText.Neutralise("QualityGates merged " + merge.Description);
}
