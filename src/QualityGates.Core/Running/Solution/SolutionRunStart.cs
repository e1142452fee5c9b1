using System.Globalization;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Reports;

namespace QualityGates.Running.Solution;

/// <summary>What the solution's build asks for when a solution run starts (docs/solution.md).</summary>
internal sealed record SolutionRunStartRequest
{
    /// <summary>The solution's report folder (full path); its <c>run/</c> subfolder holds the run's files.</summary>
    public required string ReportFolder { get; init; }

    /// <summary>The solution file (full path).</summary>
    public required string SolutionFile { get; init; }

    /// <summary>The gated test projects (project files).</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>Who judges the run: the solution's build (VSTest) or the last hand-in (Microsoft.Testing.Platform).</summary>
    public SolutionJudge Judge { get; init; }

    /// <summary>The process that owns the run: the one running the solution's build. Default: this process.</summary>
    public SolutionRunOwner? Owner { get; init; }

    /// <summary>How long to wait for another run of the same solution to end before refusing (QG0090).</summary>
    public TimeSpan Wait { get; init; } = SolutionRunStart.DefaultWait;

    /// <summary>Told once when the run has to wait for another, with the other run's description.</summary>
    public Action<string>? Waiting { get; init; }

    public CancellationToken Cancellation { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>The started run's id, or null when it could not start; the diagnostics to print either way.</summary>
internal sealed record SolutionRunStartResult(string? RunId, IReadOnlyList<GateDiagnostic> Diagnostics);

/// <summary>
/// Starts a solution run: one run of a solution at a time. Under the run folder's lock it reads the
/// solution's claim (<c>run/active</c>); while another run's owner process is still running, it waits (up to
/// <see cref="SolutionRunStartRequest.Wait"/>, then QG0090). A claim whose owner has ended is a run that was
/// interrupted: warning QG0091, its files are removed. Then it writes this run's manifest and claim, and marks
/// the solution's report files incomplete (<see cref="IncompleteRunReport"/>) until the run's verdict replaces them.
/// </summary>
internal static class SolutionRunStart
{
    /// <summary>The longest a second run of a solution waits for the first (ten minutes).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static SolutionRunStartResult Start(SolutionRunStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reportFolder = Path.GetFullPath(request.ReportFolder);
        var diagnostics = new List<GateDiagnostic>();
        try
        {
            var root = EnsureFolders(reportFolder, request.SolutionFile);
            var deadline = request.Time.GetUtcNow() + request.Wait;
            var told = false;
            while (true)
            {
                using (SolutionRunFolder.Lock(root))
                {
                    var claimFile = Path.Combine(root, SolutionRunFolder.ClaimFileName);
                    var other = File.Exists(claimFile) ? SolutionRunClaim.Read(claimFile) : null;
                    if (other is null || !other.Owner.IsAlive())
                    {
                        if (other is not null)
                        {
                            diagnostics.Add(Interrupted(other, root, request.SolutionFile));
                        }

                        return new SolutionRunStartResult(Claim(request, reportFolder, root), diagnostics);
                    }

                    if (request.Time.GetUtcNow() >= deadline)
                    {
                        diagnostics.Add(new GateDiagnostic(DiagnosticSeverity.Error, ErrorCodes.SolutionRunBusy, string.Create(CultureInfo.InvariantCulture,
                            $"Another dotnet test of {Path.GetFileName(request.SolutionFile)} is still running its solution {other.Describe()}; this run waited {request.Wait.TotalMinutes:0.#} min and does not start, so the two never mix their results. Run it again when the other has ended (if that process is stuck, end it)."),
                            request.SolutionFile));
                        return new SolutionRunStartResult(null, diagnostics);
                    }

                    if (!told)
                    {
                        told = true;
                        request.Waiting?.Invoke(other.Describe());
                    }
                }

                request.Cancellation.WaitHandle.WaitOne(Poll);
                request.Cancellation.ThrowIfCancellationRequested();
            }
        }
        catch (QualityGatesException ex)
        {
            diagnostics.Add(GateDiagnostic.From(ex));
            return new SolutionRunStartResult(null, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new GateDiagnostic(DiagnosticSeverity.Error, ErrorCodes.SolutionRunFileInvalid,
                $"The solution gate cannot start a run in '{SolutionRunFolder.RootOf(reportFolder)}': {ex.Message}", SolutionRunFolder.RootOf(reportFolder)));
            return new SolutionRunStartResult(null, diagnostics);
        }
    }

    /// <summary>
    /// The report folder and its <c>run/</c> folder, created when missing. Either being a file, a FIFO or a
    /// device is QG1070 naming it (not an exception from deep inside a file API).
    /// </summary>
    private static string EnsureFolders(string reportFolder, string solutionFile)
    {
        var root = SolutionRunFolder.RootOf(reportFolder);
        foreach (var folder in new[] { reportFolder, root })
        {
            var kind = FileKinds.OfTarget(folder);
            if (kind is not (FileKind.Missing or FileKind.Directory))
            {
                throw new QualityGatesException(ErrorCodes.SolutionReportFolderNotAFolder,
                    $"The solution report folder '{folder}' is {FileKinds.Describe(kind)}, not a folder, so the solution gate of {Path.GetFileName(solutionFile)} cannot run there. Remove it, or set {SettingsCatalogue.SolutionReportDirectory.MSBuild} to another folder.",
                    folder);
            }

            Directory.CreateDirectory(folder);
        }

        return root;
    }

    /// <summary>Under the lock: clears what earlier runs left, marks the report files incomplete, writes this run's manifest and claim.</summary>
    private static string Claim(SolutionRunStartRequest request, string reportFolder, string root)
    {
        foreach (var left in Directory.EnumerateDirectories(root))
        {
            Directory.Delete(left, recursive: true);
        }

        // A manifest of the older, single-manifest layout would make projects think they are in a run.
        File.Delete(Path.Combine(root, SolutionRunFolder.ManifestFileName));

        var runId = Guid.NewGuid().ToString("N");
        var started = request.Time.GetUtcNow().UtcDateTime;
        var members = request.Members.Where(m => !string.IsNullOrWhiteSpace(m)).Select(SolutionRunFolder.Key).Distinct(StringComparer.Ordinal).ToList();
        // First: when the report files cannot be marked, the run does not start (and claims nothing).
        new ReportFileSet(reportFolder).MarkIncomplete(
            new IncompleteRunReport(SolutionRunFolder.NameOf(request.SolutionFile, reportFolder), Path.GetFullPath(request.SolutionFile), runId, started));
        Directory.CreateDirectory(Path.Combine(root, runId));
        SolutionRunText.Write(Path.Combine(root, runId, SolutionRunFolder.ManifestFileName),
            new SolutionRunManifest(runId, Path.GetFullPath(request.SolutionFile), request.Judge, members).ToText());
        SolutionRunText.Write(Path.Combine(root, SolutionRunFolder.ClaimFileName),
            new SolutionRunClaim(runId, request.Owner ?? SolutionRunOwner.Current(), started).ToText());
        return runId;
    }

    /// <summary>QG0091: the run the claim names never ended (its owner did); says which projects had handed in.</summary>
    private static GateDiagnostic Interrupted(SolutionRunClaim other, string root, string solutionFile)
    {
        var folder = Path.Combine(root, other.RunId);
        var handedIn = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Select(n => n[..Math.Max(0, n.LastIndexOf('-'))]).Order(StringComparer.Ordinal).ToList()
            : [];
        return GateDiagnostic.Warning(ErrorCodes.SolutionRunInterrupted, ConsoleText.Neutralise(
            $"The previous solution {other.Describe()} of {Path.GetFileName(solutionFile)} never ended: its process is gone ({(handedIn.Count == 0 ? "no test project had handed in" : "handed in so far: " + string.Join(", ", handedIn))}). It has no verdict; its report files said so until this run replaces them."),
            solutionFile);
    }
}
