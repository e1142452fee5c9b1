namespace QualityGates.Files;

/// <summary>
/// Tells lock contention (another writer holds the file: worth waiting for) from every other I/O
/// error (a read-only folder, a full disk, a symbolic-link loop: permanent, fail at once). On Unix
/// .NET takes an advisory <c>flock</c> for FileShare.None and reports a held lock as EWOULDBLOCK;
/// on Windows a sharing or lock violation.
/// </summary>
internal static class FileContention
{
    private const int WindowsSharingViolation = 32;
    private const int WindowsLockViolation = 33;

    /// <summary>True only for "the file is held by another process".</summary>
    public static bool IsContention(IOException ex)
    {
        if (OperatingSystem.IsWindows())
        {
            return (ex.HResult & 0xFFFF) is WindowsSharingViolation or WindowsLockViolation;
        }

        // .NET puts the raw errno in HResult: EWOULDBLOCK is 11 on Linux, 35 on macOS and FreeBSD.
        return ex.HResult == (OperatingSystem.IsLinux() ? 11 : 35);
    }

    /// <summary>Waits a little longer each time, with jitter so waiting writers do not retry in lockstep.</summary>
    public static void Wait(ref int wait)
    {
        Thread.Sleep(wait + Random.Shared.Next(wait + 1));
        wait = Math.Min(wait * 2, 50);
    }
}
