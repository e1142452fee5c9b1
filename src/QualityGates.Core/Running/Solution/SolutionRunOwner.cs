using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace QualityGates.Running.Solution;

/// <summary>
/// The process that owns a solution run: the <c>dotnet</c> process whose build started it (MSBuild builds
/// a solution's metaproject in the process that runs the build, and under Microsoft.Testing.Platform
/// <c>dotnet test</c> then starts the test applications as its children). A run whose owner has ended
/// is over, whatever its files say; a process id reused by a later process is not the owner, because the
/// start time differs.
/// </summary>
/// <param name="ProcessId">The owner's process id.</param>
/// <param name="StartedUtcTicks">When the owner process started (UTC ticks), to tell it from a later process with the same id.</param>
internal sealed record SolutionRunOwner(int ProcessId, long StartedUtcTicks)
{
    // Process start times are derived from the boot time on Linux, which is kept in whole seconds.
    private static readonly long Tolerance = TimeSpan.TicksPerSecond * 2;

    /// <summary>This process.</summary>
    public static SolutionRunOwner Current()
    {
        using var process = Process.GetCurrentProcess();
        return new SolutionRunOwner(process.Id, process.StartTime.ToUniversalTime().Ticks);
    }

    /// <summary>When this process started (UTC).</summary>
    public static DateTime CurrentStartedUtc()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    /// <summary>
    /// True while the owner runs. A process whose start time cannot be read (another user's) counts as
    /// running: waiting too long is better than two runs mixing their results.
    /// </summary>
    public bool IsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - StartedUtcTicks) <= Tolerance;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (Exception ex) when (ex is Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// Whether the owner is this process or one of its ancestors (a test application started by the
    /// owner's <c>dotnet test</c>, or that application's test host): true or false where the process tree
    /// can be read (Linux), null elsewhere.
    /// </summary>
    public bool? IsThisProcessOrAnAncestor() => AncestorsOfThisProcess() is { } ancestors ? ancestors.Contains(ProcessId) : null;

    /// <summary>How messages name the owner.</summary>
    public override string ToString() => "process " + ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>This process and its ancestors (read from /proc), or null where /proc is not there.</summary>
    private static HashSet<int>? AncestorsOfThisProcess()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/stat"))
        {
            return null;
        }

        var chain = new HashSet<int> { Environment.ProcessId };
        var pid = Environment.ProcessId;
        // A process tree is shallow; the bound only guards against a /proc that changes under us.
        for (var depth = 0; depth < 64 && ParentOf(pid) is { } parent && parent > 0 && chain.Add(parent); depth++)
        {
            pid = parent;
        }

        return chain;
    }

    /// <summary>The parent process id from /proc/&lt;pid&gt;/stat: the field after the state, which follows the command name's closing parenthesis.</summary>
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
