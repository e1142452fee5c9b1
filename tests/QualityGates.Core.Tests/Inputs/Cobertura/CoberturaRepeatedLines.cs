using QualityGates.Inputs.Cobertura;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>
/// A line listed more than once in one class (gcovr 8: once per template instance) is one line, covered if any
/// entry is, before files are merged; a line listed by two classes still counts per class, as its producer counts it.
/// </summary>
public sealed class CoberturaRepeatedLines : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly CoberturaReader _reader = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheGcovrTemplateCaseIsThreeOfThreeLinesAloneAndMerged()
    {
        var intRun = Fixtures.Case("c02-gcovr-template-instances", "test_int.cobertura.xml");
        var doubleRun = Fixtures.Case("c02-gcovr-template-instances", "test_double.cobertura.xml");

        var alone = _reader.Read(intRun);
        var merged = _reader.ReadAll([intRun, doubleRun]);

        Assert.Equal((3L, 3L), (alone.LinesCovered, alone.LinesValid));
        Assert.Equal((3L, 3L), (merged.LinesCovered, merged.LinesValid));
        Assert.Equal(1.0, merged.LineRate);
    }

    [Fact]
    public void ALineRepeatedInOneClassIsUncoveredOnlyWhenNoEntryRanIt()
    {
        var path = _temp.Write("a.xml", new CoberturaXml("/src/")
            .Class("t.hpp",
                "number=\"5\" hits=\"0\"", "number=\"5\" hits=\"0\"", "number=\"5\" hits=\"2\"",
                "number=\"6\" hits=\"0\"", "number=\"6\" hits=\"0\"")
            .ToString());

        var summary = _reader.Read(path);

        Assert.Equal((1L, 2L), (summary.LinesCovered, summary.LinesValid));
    }

    [Fact]
    public void RepeatedBranchesTakeTheLargerFigures()
    {
        var path = _temp.Write("a.xml", new CoberturaXml("/src/")
            .Class("t.hpp",
                "number=\"5\" hits=\"1\" branch=\"true\" condition-coverage=\"50% (1/2)\"",
                "number=\"5\" hits=\"1\" branch=\"true\" condition-coverage=\"100% (2/2)\"",
                "number=\"7\" hits=\"0\" branch=\"true\" condition-coverage=\"0% (0/4)\"",
                "number=\"7\" hits=\"1\" branch=\"true\" condition-coverage=\"25% (1/4)\"")
            .ToString());

        var summary = _reader.Read(path);

        Assert.Equal((2L, 2L), (summary.LinesCovered, summary.LinesValid));
        Assert.Equal((3L, 6L), (summary.BranchesCovered, summary.BranchesValid));
    }

    [Fact]
    public void ALineInTwoClassesStillCountsInEachAndRepeatsFoldWithinEach()
    {
        // Microsoft Code Coverage lists a lambda's line under the method's class and its closure class: two entries.
        var path = _temp.Write("a.xml", new CoberturaXml("/src/")
            .Class("A.cs", "number=\"9\" hits=\"1\"", "number=\"9\" hits=\"0\"")
            .Class("A.cs", "number=\"9\" hits=\"0\"", "number=\"9\" hits=\"0\"")
            .ToString());

        var summary = _reader.Read(path);

        Assert.Equal((1L, 2L), (summary.LinesCovered, summary.LinesValid));
    }

    [Fact]
    public void AClassWhoseRepeatCoversALineCoversItInTheSecondClassToo()
    {
        var path = _temp.Write("a.xml", new CoberturaXml("/src/")
            .Class("A.cs", "number=\"9\" hits=\"0\"")
            .Class("A.cs", "number=\"9\" hits=\"0\"", "number=\"9\" hits=\"3\"")
            .ToString());

        var summary = _reader.Read(path);

        Assert.Equal((1L, 2L), (summary.LinesCovered, summary.LinesValid));
    }
}
