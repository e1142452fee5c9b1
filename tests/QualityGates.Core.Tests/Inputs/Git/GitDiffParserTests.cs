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
}
