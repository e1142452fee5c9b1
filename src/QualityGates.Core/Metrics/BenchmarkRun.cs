namespace QualityGates.Metrics;

/// <summary>
/// The benchmarks of one BenchmarkDotNet run (one or more JSON exports, one per benchmark class), or of a
/// baseline taken from an approved gate report, with the machine and runtime they ran on.
/// </summary>
/// <param name="Benchmarks">Every benchmark, in the order read; full names are unique.</param>
/// <param name="Host">The machine and runtime (the exports' <c>HostEnvironmentInfo</c>); null when the source has none.</param>
/// <param name="Source">Where the run came from, as messages name it: the files, or the approval the baseline was taken from.</param>
/// <param name="Files">The exports read (as the reports show them); empty for a baseline from a gate report.</param>
internal sealed record BenchmarkRun(IReadOnlyList<BenchmarkResult> Benchmarks, BenchmarkHost? Host, string Source, IReadOnlyList<string> Files)
{
    /// <summary>The run with every file path as <paramref name="display"/> shows it (reports carry no build-machine paths).</summary>
    public BenchmarkRun WithPaths(Func<string, string> display)
    {
        var paths = Benchmarks.Select(b => b.File).Concat(Files).Concat(Host is null ? [] : [Host.File]).Distinct(StringComparer.Ordinal).ToDictionary(p => p, display, StringComparer.Ordinal);
        var source = paths.OrderByDescending(p => p.Key.Length).Aggregate(Source, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));
        var folder = Files.Count > 1 ? Path.GetDirectoryName(Files[0]) : null;
        if (folder is { Length: > 0 })
        {
            source = source.Replace(folder + Path.DirectorySeparatorChar, display(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }

        return this with
        {
            Benchmarks = Benchmarks.Select(b => b with { File = paths[b.File] }).ToList(),
            Files = Files.Select(f => paths[f]).ToList(),
            Host = Host is null ? null : Host with { File = paths[Host.File] },
            Source = source,
        };
    }
}

/// <summary>
/// The machine and runtime a BenchmarkDotNet run measured on (its JSON's <c>HostEnvironmentInfo</c>): the
/// fields that change timings when they change between two runs. Null fields were not in the export.
/// </summary>
/// <param name="Processor">The processor's name (<c>ProcessorName</c>).</param>
/// <param name="LogicalCores">Logical cores (<c>LogicalCoreCount</c>).</param>
/// <param name="Os">The operating system (<c>OsVersion</c>).</param>
/// <param name="Runtime">The .NET runtime (<c>RuntimeVersion</c>).</param>
/// <param name="Architecture">The process architecture (<c>Architecture</c>).</param>
/// <param name="Jit">The JIT and build configuration (<c>HasRyuJit</c>, <c>Configuration</c>).</param>
/// <param name="BenchmarkDotNetVersion">The BenchmarkDotNet that measured (<c>BenchmarkDotNetVersion</c>).</param>
/// <param name="File">The export the host information was read from.</param>
/// <param name="Line">Its 1-based line there (0 when not known).</param>
internal sealed record BenchmarkHost(
    string? Processor,
    int? LogicalCores,
    string? Os,
    string? Runtime,
    string? Architecture,
    string? Jit,
    string? BenchmarkDotNetVersion,
    string File,
    int Line)
{
    /// <summary>Every field compared between two runs, with its name in messages, in that order.</summary>
    public IEnumerable<(string Name, string? Value)> Fields =>
    [
        ("processor", Processor),
        ("logical cores", LogicalCores?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("operating system", Os),
        ("runtime", Runtime),
        ("architecture", Architecture),
        ("JIT", Jit),
        ("BenchmarkDotNet", BenchmarkDotNetVersion),
    ];
}
