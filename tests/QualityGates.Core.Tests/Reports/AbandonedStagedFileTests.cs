using QualityGates.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Reports;

/// <summary>
/// A run killed between writing its files aside and renaming them leaves hidden <c>.tmp</c> files; the
/// next run removes those that are ours and old, and nothing else: not another run's fresh ones, not a
/// link, not a file of another shape.
/// </summary>
public sealed class AbandonedStagedFileTests
{
    [Fact]
    public void TheNextRunRemovesOldStagedFilesOnly()
    {
        using var folder = new TempDirectory();
        var old = DateTime.UtcNow.AddHours(-2);
        string Planted(string name, DateTime? written = null)
        {
            var path = folder.Write(name, "x");
            File.SetLastWriteTimeUtc(path, written ?? old);
            return name;
        }

        string[] abandoned = [Planted(".latest.json.0a1b2c3d.tmp"), Planted(".gates.html.ffffffff.tmp"), Planted(".report-20250301T123456789Z-01234567.json.89abcdef.tmp")];
        string[] kept =
        [
            Planted(".latest.json.0a1b2c3e.tmp", DateTime.UtcNow), // another run, still publishing
            Planted("notes.tmp"), Planted(".latest.json.tmp"), Planted(".latest.json.0A1B2C3D.tmp"), Planted(".latest.json.0a1b2c3.tmp"), Planted("latest.json.0a1b2c3d.tmp"),
        ];
        var target = Path.Combine(folder.Path, "elsewhere.txt");
        File.WriteAllText(target, "keep");
        SpecialFiles.Link(Path.Combine(folder.Path, ".junit-gates.xml.12345678.tmp"), target);
        File.SetLastWriteTimeUtc(target, old);

        var files = new ReportFileSet(folder.Path).Write(SampleReports.Passing());

        var left = Directory.GetFiles(folder.Path).Select(Path.GetFileName).ToHashSet();
        Assert.All(abandoned, name => Assert.DoesNotContain(name, left));
        Assert.All(kept, name => Assert.Contains(name, left));
        Assert.Contains(".junit-gates.xml.12345678.tmp", left);
        Assert.Equal("keep", File.ReadAllText(target));
        Assert.True(File.Exists(files.Latest));
    }
}
