using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Inputs.Git;
using QualityGates.Running;
using QualityGates.Tests.Inputs.Cobertura;

namespace QualityGates.Tests.Inputs.Git;

/// <summary>
/// Changes git shows in another shape than plain LF text with plain names: names with spaces,
/// backslashes, quotes and non-ASCII; user configuration that changes the diff's format; files git takes
/// for binary; CR-only and other line ends; untracked files that are FIFOs or links to a device. No
/// changed line may be dropped silently: each is read, or its file is unreadable and fails closed.
/// </summary>
public sealed class HostileChangeTests : IDisposable
{
    private static readonly string Base = string.Concat(Enumerable.Range(1, 10).Select(i => $"// base {i}\n"));
    private readonly TempDirectory _dir = new();
    private readonly GitRepository _repo;

    public HostileChangeTests()
    {
        _repo = GitRepository.Init(Path.Combine(_dir.Path, "repo"));
        _repo.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        _repo.Write("src/Lib/Covered.cs", Base);
        _repo.Write("src/Lib/Crlf.cs", Base.Replace("\n", "\r\n"));
        _repo.Write("src/Lib/CrOnly.cs", Base.Replace('\n', '\r'));
        _repo.Commit("base");
        _repo.Git("checkout", "--quiet", "-b", "feature");
    }

    public void Dispose() => _dir.Dispose();

    private static string Lines(string prefix, int from, int to, string end = "\n") => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"// {prefix} {i}{end}"));

    private ChangeSet Read(NewCodeDiff diff = NewCodeDiff.WorkingTree, string? folder = null) =>
        new ChangeSetReader(folder ?? _repo.Path, _ => null).Read("main", "base ref", diff);

    [Fact]
    public void EveryNameShapeAndDiffSettingKeepsEveryNewLine()
    {
        string[] names = ["src/Lib/With Space.cs", "src/Lib/Back\\slash.cs", "src/Lib/Quo\"te and tab\t.cs", "src/Lib/Caf\u00e9 \u00fcber.cs"];
        foreach (var name in names)
        {
            _repo.Write(name, Lines("new", 1, 3));
        }

        _repo.Git("mv", "src/Lib/Covered.cs", "src/Lib/Covered Moved.cs");
        _repo.Write("src/Lib/Covered Moved.cs", Base + Lines("added", 11, 12));
        _repo.Commit("odd names");
        // Configuration that changes the diff's shape, as a developer's or agent's .git/config may hold it.
        foreach (var (key, value) in new[]
        {
            ("core.quotePath", "true"), ("diff.noprefix", "true"), ("diff.mnemonicPrefix", "true"), ("color.ui", "always"),
            ("color.diff", "always"), ("diff.relative", "true"), ("diff.interHunkContext", "20"), ("diff.context", "5"),
            ("diff.renames", "copies"), ("diff.algorithm", "patience"), ("diff.suppressBlankEmpty", "true"),
            ("diff.orderFile", Path.Combine(_dir.Path, "no-such-order")), ("diff.srcPrefix", "x/"), ("diff.dstPrefix", "y/"),
        })
        {
            _repo.Git("config", key, value);
        }

        // Run from a folder below the top, where diff.relative would hide everything else.
        Directory.CreateDirectory(Path.Combine(_repo.Path, "tests"));
        var change = Read(folder: Path.Combine(_repo.Path, "tests"));

        foreach (var name in names)
        {
            Assert.Equal([1, 2, 3], change.Files[name]);
        }

        Assert.Equal([11, 12], change.Files["src/Lib/Covered Moved.cs"]);
        Assert.Equal(5, change.Files.Count);
        Assert.Empty(change.Unreadable);
    }

    [Fact]
    public void AFileWithASpaceInItsNameCountsItsUncoveredLines()
    {
        // The report's case: 20 uncovered new lines in a file whose name holds a space and 20 covered ones
        // elsewhere are 50 %, not a pass at 100 %.
        _repo.Write("src/Lib/New Feature.cs", Lines("feature", 1, 20));
        _repo.Write("src/Lib/Covered.cs", Base + Lines("added", 11, 30));
        _repo.Commit("feature");
        var xml = new CoberturaXml()
            .Class("Lib", "src/Lib/New Feature.cs", methodLines: null, [.. Enumerable.Range(1, 20).Select(i => $"number=\"{i}\" hits=\"0\"")])
            .Class("Lib", "src/Lib/Covered.cs", methodLines: null, [.. Enumerable.Range(1, 30).Select(i => $"number=\"{i}\" hits=\"1\"")]);

        var result = Judge(xml, "staging");

        var check = Assert.Single(result.Report!.Checks, c => c.Gate == GateNames.NewCodeCoverage);
        Assert.Equal((GateStatus.Failed, 0.5), (check.Status, check.Value));
        Assert.Contains("src/Lib/New Feature.cs 1-20", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesGitTakesForBinaryAreDiffedAsText()
    {
        _repo.Write(".gitattributes", "*.cs binary\nsrc/Lib/NoDiff.cs -diff\n");
        _repo.Write("src/Lib/Covered.cs", Base + Lines("added", 11, 13));
        _repo.Write("src/Lib/NoDiff.cs", Lines("nodiff", 1, 2));
        _repo.Write("src/Lib/Nul.cs", "// a NUL \0 in a comment, which the compiler accepts\n" + Lines("nul", 2, 4));
        _repo.Commit("binary to git");

        var change = Read();

        Assert.Equal([11, 12, 13], change.Files["src/Lib/Covered.cs"]);
        Assert.Equal([1, 2], change.Files["src/Lib/NoDiff.cs"]);
        Assert.Equal([1, 2, 3, 4], change.Files["src/Lib/Nul.cs"]);
        Assert.Empty(change.Unreadable);
    }

    [Fact]
    public void LinesAreCountedAsTheCompilerCountsThem()
    {
        // CR-only ends: git sees one line, the compiler (and so the report) ten more. CRLF, NEL, the
        // Unicode line separator and a last line with no line end.
        _repo.Write("src/Lib/CrOnly.cs", Base.Replace('\n', '\r') + Lines("cr", 11, 20, "\r"));
        _repo.Write("src/Lib/Crlf.cs", Base.Replace("\n", "\r\n") + Lines("crlf", 11, 12, "\r\n"));
        _repo.Write("src/Lib/NewCr.cs", Lines("cr", 1, 20, "\r"));
        _repo.Write("src/Lib/Separators.cs", "// one\u2028// two\u0085// three\n// four\n// five");
        _repo.Commit("line ends");

        var change = Read();

        // The whole CR-only file is one changed git line: every compiler line of it is new, never one.
        Assert.Equal(Enumerable.Range(1, 20), change.Files["src/Lib/CrOnly.cs"]);
        Assert.Equal([11, 12], change.Files["src/Lib/Crlf.cs"]);
        Assert.Equal(Enumerable.Range(1, 20), change.Files["src/Lib/NewCr.cs"]);
        Assert.Equal([1, 2, 3, 4, 5], change.Files["src/Lib/Separators.cs"]);
    }

    [Fact]
    public void AnUntrackedFifoOrLinkToADeviceIsUnreadableWithoutBlocking()
    {
        _repo.Write("src/Lib/Covered.cs", Base + Lines("added", 11, 12));
        SpecialFiles.Fifo(Path.Combine(_repo.Path, "src/Lib/Fifo.cs"));
        SpecialFiles.Link(Path.Combine(_repo.Path, "src/Lib/Zero.cs"), "/dev/zero");
        SpecialFiles.Link(Path.Combine(_repo.Path, "src/Lib/Dangling.cs"), Path.Combine(_dir.Path, "nowhere.cs"));

        var change = SpecialFiles.Within(() => Read(), seconds: 30);

        // git lists no FIFO as a file; the links it lists are never opened past their kind.
        Assert.Equal([11, 12], change.Files["src/Lib/Covered.cs"]);
        Assert.Equal(["src/Lib/Dangling.cs", "src/Lib/Zero.cs"], change.Unreadable.Select(u => u.Path));
        Assert.Equal("a FIFO, socket or device", change.Unreadable.Single(u => u.Path == "src/Lib/Zero.cs").Reason);
    }

    [Fact]
    public void AnUnreadableChangedFileFailsAProductionRunAsUntestedCode()
    {
        SpecialFiles.Link(Path.Combine(_repo.Path, "src/Lib/Zero.cs"), "/dev/zero");
        var xml = new CoberturaXml().Class("Lib", "src/Lib/Covered.cs", methodLines: null, [.. Enumerable.Range(1, 12).Select(i => $"number=\"{i}\" hits=\"1\"")]);

        var result = SpecialFiles.Within(() => Judge(xml, "production"), seconds: 30);

        var newCode = result.Report!.Inputs.NewCode!;
        Assert.Equal(["src/Lib/Zero.cs"], newCode.UntestedFiles);
        Assert.Equal(["src/Lib/Zero.cs"], newCode.UnreadableFiles);
        var check = Assert.Single(result.Report.Checks, c => c.Gate == GateNames.NewCodeCoverage);
        Assert.Equal((GateStatus.Failed, ErrorCodes.NewCodeNotInCoverage), (check.Status, check.Code));
        Assert.Contains("could not be read (src/Lib/Zero.cs", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandsTheRepositoryConfigurationNamesNeverRun()
    {
        var markers = Path.Combine(_dir.Path, "markers");
        Directory.CreateDirectory(markers);
        string Touch(string name) => $"touch '{Path.Combine(markers, name)}'";
        _repo.Write(".gitattributes", "*.cs filter=evil diff=evil\n*.txt filter=included\n");
        _repo.Write("src/Lib/Covered.cs", Base + Lines("added", 11, 12));
        _repo.Write("notes.txt", "text\n");
        _repo.Commit("attributes");
        var included = _repo.Write("../included.gitconfig", $"[filter \"included\"]\n\tclean = {Touch("included-clean")}; cat\n\trequired = true\n");
        var conditional = _repo.Write("../conditional.gitconfig", $"[core]\n\tfsmonitor = {Touch("includeif-fsmonitor")}; echo\n");
        foreach (var (key, value) in new[]
        {
            ("core.fsmonitor", Touch("fsmonitor") + "; echo"),
            ("filter.evil.clean", Touch("clean") + "; cat"),
            ("filter.evil.smudge", Touch("smudge") + "; cat"),
            ("filter.evil.process", Touch("process")),
            ("filter.evil.required", "true"),
            ("diff.evil.textconv", Touch("textconv") + "; cat"),
            ("diff.evil.command", Touch("diff-command")),
            ("diff.external", Touch("external-diff")),
            ("core.pager", Touch("pager") + "; cat"),
            ("pager.diff", Touch("pager-diff") + "; cat"),
            ("core.hooksPath", "hooks"),
            ("core.sshCommand", Touch("ssh")),
            ("core.askPass", Touch("askpass")),
            ("credential.helper", "!" + Touch("credential")),
            ("core.editor", Touch("editor")),
            ("gpg.program", Touch("gpg")),
            ("log.showSignature", "true"),
            ("include.path", included),
            ($"includeIf.gitdir:{_repo.Path}/.path", conditional),
        })
        {
            _repo.Git("config", "--add", key, value);
        }

        // Hooks in the folder core.hooksPath points at and in .git/hooks (written last: the test's own commits would run them).
        foreach (var hook in new[] { "post-index-change", "post-checkout", "reference-transaction", "fsmonitor-watchman" })
        {
            foreach (var folder in new[] { "hooks", ".git/hooks" })
            {
                var file = _repo.Write($"{folder}/{hook}", $"#!/bin/sh\n{Touch("hook-" + hook)}\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
        }

        // A working tree whose stat data is stale, so a diff must read (and would clean) the files.
        _repo.Write("src/Lib/Covered.cs", Base + Lines("added", 11, 13));
        _repo.Write("notes.txt", "more text\n");
        File.SetLastWriteTimeUtc(Path.Combine(_repo.Path, "src/Lib/Covered.cs"), DateTime.UtcNow.AddMinutes(5));

        var working = Read();
        var head = Read(NewCodeDiff.Head);

        Assert.Empty(Directory.GetFiles(markers).Select(Path.GetFileName));
        Assert.Equal([11, 12, 13], working.Files["src/Lib/Covered.cs"]);
        Assert.Equal([11, 12], head.Files["src/Lib/Covered.cs"]);
    }

    [Fact]
    public void ABaseRefThatLooksLikeAnOptionIsNoRef()
    {
        _repo.Write("src/Lib/Covered.cs", Base + Lines("added", 11, 12));
        _repo.Commit("change");

        var error = Assert.Throws<QualityGatesException>(() =>
            new ChangeSetReader(_repo.Path, name => name == "GITHUB_BASE_REF" ? "--output=" + Path.Combine(_dir.Path, "written") : null).Read(null, "base ref", NewCodeDiff.Head));

        Assert.Equal(ErrorCodes.BaseRefNotFound, error.Code);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "written")));
    }

    private GateRunResult Judge(CoberturaXml xml, string context)
    {
        var coverage = Path.Combine(_dir.Path, "coverage.xml");
        File.WriteAllText(coverage, xml.ToString());
        return new GateRun().Execute(new GateRunRequest
        {
            Context = context,
            Groups = GateGroup.Coverage,
            BaseDirectory = _repo.Path,
            CoverageFiles = [coverage],
            NewCode = new NewCodeOptions { BaseRef = "main" },
            Overrides = [new ThresholdOverride("MinNewCodeLines", "1", "x"), new ThresholdOverride("MinCodeCoverage", "0", "x")],
            Environment = _ => null,
        }, TextWriter.Null);
    }
}
