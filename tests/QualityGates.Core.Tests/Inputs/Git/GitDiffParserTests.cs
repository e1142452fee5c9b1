using QualityGates.Inputs.Git;

namespace QualityGates.Tests.Inputs.Git;

/// <summary>git diff --unified=0 output read by hunk counts: content that looks like a header stays content.</summary>
public sealed class GitDiffParserTests
{
    [Fact]
    public void TakesNewSideLinesByTheHunksCountsAndSkipsDeletedFiles()
    {
        const string diff = """
            diff --git a/src/A.cs b/src/A.cs
            index 1111111..2222222 100644
            --- a/src/A.cs
            +++ b/src/A.cs
            @@ -3 +3 @@ class A
            --- removed line that looks like a header
            +++ b/src/Fake.cs
            @@ -10,0 +11,2 @@ class A
            +++ added line that looks like a header
            +@@ -1 +1 @@
            diff --git a/src/Gone.cs b/src/Gone.cs
            deleted file mode 100644
            --- a/src/Gone.cs
            +++ /dev/null
            @@ -1,2 +0,0 @@
            -one
            -two
            diff --git a/src/Old.cs b/src/New.cs
            similarity index 90%
            rename from src/Old.cs
            rename to src/New.cs
            --- a/src/Old.cs
            +++ b/src/New.cs
            @@ -2 +2 @@
            -x
            +y
            diff --git "a/src/Caf\303\251 \"x\".cs" "b/src/Caf\303\251 \"x\".cs"
            --- "a/src/Caf\303\251 \"x\".cs"
            +++ "b/src/Caf\303\251 \"x\".cs"
            @@ -0,0 +1 @@
            +new
            """;

        var files = GitDiffParser.Parse(diff.Replace("\r\n", "\n"));

        Assert.Equal(["src/A.cs", "src/Café \"x\".cs", "src/New.cs"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([3, 11, 12], files["src/A.cs"]);
        Assert.Equal([2], files["src/New.cs"]);
        Assert.Equal([1], files["src/Café \"x\".cs"]);
    }

    [Fact]
    public void ReadsEveryNameShapeGitWritesInAHeader()
    {
        // A name with a space ends its ---/+++ lines with a TAB; quoted names are C-escaped (a backslash,
        // a quote, a TAB, and non-ASCII bytes under core.quotePath=true).
        var diff = string.Join('\n',
            "diff --git a/src/With Space.cs b/src/With Space.cs",
            "--- a/src/With Space.cs\t",
            "+++ b/src/With Space.cs\t",
            "@@ -0,0 +1,2 @@",
            "+one",
            "+two",
            "diff --git \"a/src/Back\\\\slash.cs\" \"b/src/Back\\\\slash.cs\"",
            "+++ \"b/src/Back\\\\slash.cs\"",
            "@@ -0,0 +1 @@",
            "+x",
            "diff --git \"a/src/Tab\\there and \\303\\251.cs\" \"b/src/Tab\\there and \\303\\251.cs\"",
            "+++ \"b/src/Tab\\there and \\303\\251.cs\"\t",
            "@@ -0,0 +4 @@",
            "+y",
            "");

        var files = GitDiffParser.Parse(diff);

        Assert.Equal([1, 2], files["src/With Space.cs"]);
        Assert.Equal([1], files["src/Back\\slash.cs"]);
        Assert.Equal([4], files["src/Tab\there and \u00e9.cs"]);
        Assert.Equal(3, files.Count);
    }

    [Fact]
    public void CountsContextLinesAsNoNewLinesAndSkipsNoNewlineMarkers()
    {
        const string diff = """
            diff --git a/src/A.cs b/src/A.cs
            --- a/src/A.cs
            +++ b/src/A.cs
            @@ -1,4 +1,5 @@
             kept 1
            -old 2
            +new 2
            +new 3
             kept 4
            -last
            \ No newline at end of file
            +last
            \ No newline at end of file
            diff --git a/src/Moved.cs b/src/Moved Here.cs
            similarity index 100%
            rename from src/Moved.cs
            rename to src/Moved Here.cs
            diff --git a/src/Mode.cs b/src/Mode.cs
            old mode 100644
            new mode 100755
            """;

        var files = GitDiffParser.Parse(diff.Replace("\r\n", "\n"));

        Assert.Equal([2, 3, 5], files["src/A.cs"]);
        Assert.Empty(files["src/Moved Here.cs"]);
        Assert.False(files.ContainsKey("src/Mode.cs"));
    }

    [Fact]
    public void ReadsNumstatNamesExactlyWithRenames()
    {
        var entries = GitDiffParser.ParseNumstat("3\t1\tsrc/a b.cs\0-\t-\tsrc/bin.cs\01\t0\t\0src/old.cs\0src/new\tname.cs\0");

        Assert.Equal([("src/a b.cs", 3L), ("src/bin.cs", null), ("src/new\tname.cs", 1L)], entries.Select(e => (e.Path, e.Added)));
    }

    [Fact]
    public void ASourceFileThePatchShowsShortOrNotAtAllIsUnreadableNeverDropped()
    {
        // The patch's header was read wrong for one file, git took another for binary and showed nothing,
        // and a third is shown whole; a fourth, not a source file, is only left out.
        var shown = new Dictionary<string, List<int>>(StringComparer.Ordinal)
        {
            ["src/misread.cs\t"] = [1, 2],
            ["src/Whole.cs"] = [4, 5],
            ["src/Deletions.cs"] = [],
        };
        (string, long?)[] numstat = [("src/misread.cs", 2), ("src/Binary.cs", null), ("src/Whole.cs", 2), ("logo.png", null), ("src/Deletions.cs", 0)];

        var (files, unreadable) = ChangeSetReader.Reconcile(shown, numstat);

        Assert.Equal(["src/Deletions.cs", "src/Whole.cs"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([("src/misread.cs", 2L), ("src/Binary.cs", 0L)], unreadable.Select(u => (u.Path, u.Lines)));
    }
}
