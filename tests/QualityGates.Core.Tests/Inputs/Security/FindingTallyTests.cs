using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>The tally's merging: findings first counted apart are joined when a later report names them as aliases of one advisory.</summary>
public sealed class FindingTallyTests
{
    [Fact]
    public void AnAliasSeenLaterJoinsTwoFindingsIntoOneWithTheHigherSeverity()
    {
        var tally = new FindingTally();
        tally.AddPackage(FindingSeverity.Medium, "GHSA-aaaa-bbbb-cccc", [], "Lib", "1.0.0");
        tally.AddPackage(FindingSeverity.High, "CVE-2024-0001", [], "lib", "1.0.0");
        tally.AddPackage(FindingSeverity.Low, "CVE-2024-0002", [], "Lib", "1.0.0");
        Assert.Equal(3, tally.Findings().Count);

        tally.AddPackage(FindingSeverity.Low, "cve-2024-0001", ["GHSA-AAAA-BBBB-CCCC", "CVE-2024-0001"], "LIB", "1.0.0");
        tally.AddPackage(FindingSeverity.Low, "GHSA-aaaa-bbbb-cccc", [], "Lib", "1.0.0");

        var summary = tally.ToSummary();
        Assert.Equal((1, 0, 1), (summary.High, summary.Medium, summary.Low));
        // The finding the later report matched first (by its own advisory) takes in the other, keeping its place.
        var joined = tally.Findings()[0];
        Assert.Equal(("CVE-2024-0001", "high", "lib"), (joined.Advisory, joined.Severity, joined.Package));
        Assert.Equal(["GHSA-aaaa-bbbb-cccc"], joined.Aliases);
        Assert.True(joined.IsKnownAs("ghsa-AAAA-bbbb-cccc"));
        Assert.Equal("CVE-2024-0002", tally.Findings()[1].Advisory);
    }

    [Fact]
    public void AFindingWithoutAnIdentityCountsEveryTimeAndOneWithAnIdentityOnce()
    {
        var tally = new FindingTally();
        tally.Add(FindingSeverity.Critical, null);
        tally.Add(FindingSeverity.Critical, null);
        tally.Add(FindingSeverity.High, "secret|a.txt|1");
        tally.Add(FindingSeverity.High, "SECRET|A.TXT|1");

        Assert.Equal((2, 1), (tally.ToSummary().Critical, tally.ToSummary().High));
        Assert.Empty(tally.Findings());
    }
}
