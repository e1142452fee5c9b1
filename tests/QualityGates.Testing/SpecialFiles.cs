using System.Diagnostics;

namespace QualityGates.Testing;

/// <summary>Makes the special files hostile environments plant: FIFOs and symbolic links.</summary>
public static class SpecialFiles
{
    /// <summary>Creates a FIFO at <paramref name="path"/> (mkfifo; Unix only) and returns the path.</summary>
    public static string Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo '{path}' exited with {mkfifo.ExitCode}.");
        }

        return path;
    }

    /// <summary>Creates a symbolic link at <paramref name="path"/> to <paramref name="target"/> and returns the path.</summary>
    public static string Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>Runs <paramref name="action"/> and fails the test if it has not returned within a few seconds (a blocked open never returns).</summary>
    public static T Within<T>(Func<T> action, int seconds = 10)
    {
        var task = Task.Run(action);
        if (!task.Wait(TimeSpan.FromSeconds(seconds)))
        {
            throw new TimeoutException($"Still blocked after {seconds} s.");
        }

        return task.Result;
    }

    /// <summary>The exception <paramref name="action"/> throws, failing the test if it blocks or throws nothing.</summary>
    public static TException ThrowsWithin<TException>(Action action, int seconds = 10)
        where TException : Exception =>
        Within(() =>
        {
            try
            {
                action();
            }
            catch (TException expected)
            {
                return expected;
            }

            throw new InvalidOperationException($"Expected {typeof(TException).Name}, but nothing was thrown.");
        }, seconds);
}
