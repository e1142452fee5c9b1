using QualityGates.Errors;
using QualityGates.Testing;

namespace QualityGates.Testing.Platform.Tests;

/// <summary>
/// The settings file the build writes must be exactly what it wrote: every key once, nothing unknown,
/// a regular file of sane size. Anything else fails the run with a code, never a laxer gate.
/// </summary>
public sealed class GateSettingsFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadsAFileWithEveryKeyOnce()
    {
        var file = GateSettingsFile.Read(Write(Complete("QualityGatesContext=production")));

        Assert.True(file.Exists);
        Assert.Equal("/src/App.Tests", file["ProjectDirectory"]);
        Assert.Null(file["QualityGatesStrict"]);
    }

    [Fact]
    public void AMissingFileIsNoSettingsAtAll()
    {
        Assert.False(GateSettingsFile.Read(Path.Combine(_temp.Path, "none" + GateSettingsFile.Extension)).Exists);
    }

    [Theory]
    [InlineData("QualityGatesContexu=production", "the unknown key 'QualityGatesContexu'", 4)]
    [InlineData("QualityGatescontext=production", "the unknown key 'QualityGatescontext'", 4)]
    [InlineData("QualityGatesContext production", "a line without 'Name='", 4)]
    public void ADamagedKeyFailsWithQG0032NamingTheLine(string line, string problem, int number)
    {
        var lines = Complete("QualityGatesContext=production").ToList();
        lines.Insert(number - 1, line);

        var error = Assert.Throws<QualityGatesException>(() => GateSettingsFile.Read(Write(lines)));

        Assert.Equal(("QG0032", number), (error.Code, error.Line));
        Assert.Contains(problem, error.Message);
        Assert.Contains("rebuild the test project", error.Message);
    }

    [Fact]
    public void ARepeatedKeyFailsWithQG0032InsteadOfSilentlyWinning()
    {
        var lines = Complete("QualityGatesContext=production").Append("QualityGatesContext=development");

        var error = Assert.Throws<QualityGatesException>(() => GateSettingsFile.Read(Write(lines)));

        Assert.Equal(("QG0032", GateSettingsFile.Keys.Count + 1), (error.Code, error.Line));
        Assert.Contains($"QualityGatesContext a second time (first on line {GateSettingsFile.Keys.ToList().IndexOf("QualityGatesContext") + 1})", error.Message);
    }

    [Fact]
    public void AFileWithoutAKeyFailsWithQG0032()
    {
        // One damaged byte that turned a production gate's context line into something else.
        var lines = Complete("QualityGatesContext=production").Where(l => !l.StartsWith("QualityGatesContext=", StringComparison.Ordinal));

        var error = Assert.Throws<QualityGatesException>(() => GateSettingsFile.Read(Write(lines)));

        Assert.Equal("QG0032", error.Code);
        Assert.Contains("no line for QualityGatesContext", error.Message);
    }

    [Fact]
    public void AFileLargerThanTheCapIsRefusedUnread()
    {
        var lines = Complete().Append("QualityGatesContext=" + new string('x', GateSettingsFile.MaxBytes));

        var error = Assert.Throws<QualityGatesException>(() => GateSettingsFile.Read(Write(lines)));

        Assert.Equal("QG0032", error.Code);
        Assert.Contains("more than 1024 KiB", error.Message);
    }

    [Fact]
    public void AFifoOrALinkToADeviceIsRefusedWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = SpecialFiles.Fifo(Path.Combine(_temp.Path, "fifo" + GateSettingsFile.Extension));
        var zero = SpecialFiles.Link(Path.Combine(_temp.Path, "zero" + GateSettingsFile.Extension), "/dev/zero");

        var fromFifo = SpecialFiles.Within(() => Assert.Throws<QualityGatesException>(() => GateSettingsFile.Read(fifo)));
        var fromZero = SpecialFiles.Within(() => Assert.Throws<QualityGatesException>(() => GateSettingsFile.Read(zero)));

        Assert.Equal(("QG1015", "QG1015"), (fromFifo.Code, fromZero.Code));
    }

    /// <summary>Every key, as the build writes them, with <paramref name="given"/> instead of the empty ones.</summary>
    private static IEnumerable<string> Complete(params string[] given)
    {
        var values = given.ToDictionary(l => l.Split('=', 2)[0], l => l.Split('=', 2)[1]);
        values.TryAdd("ProjectDirectory", "/src/App.Tests");
        return GateSettingsFile.Keys.Select(k => $"{k}={values.GetValueOrDefault(k)}");
    }

    private string Write(IEnumerable<string> lines) => _temp.Write("App.Tests" + GateSettingsFile.Extension, string.Join('\n', lines) + "\n");
}
