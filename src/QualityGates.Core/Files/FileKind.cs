using System.Runtime.InteropServices;
using QualityGates.Errors;

namespace QualityGates.Files;

/// <summary>What a path names, read without following a final symbolic link and without opening it.</summary>
internal enum FileKind
{
    /// <summary>Nothing has that name.</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A symbolic link (or, on Windows, any reparse point), whatever it points to.</summary>
    Link,
    /// <summary>A FIFO, socket or device: opening it can block forever or never end.</summary>
    Special,
}

/// <summary>
/// Checks a path's kind before it is opened: a FIFO as an input or registry file would
/// block the tool forever, and a planted symbolic link would make an append or replace write to the
/// file it points to (CWE-59). .NET has no public API for the file type on Unix, so this asks the
/// runtime's own native shim (<c>SystemNative_LStat</c> in libSystem.Native, which File and
/// Directory use): its status struct starts with two 32-bit fields, flags and a POSIX-style mode.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int Directory = 0x4000;
    private const int Regular = 0x8000;
    private const int SymbolicLink = 0xA000;

    /// <summary>The kind of <paramref name="path"/>; an unreadable path counts as <see cref="FileKind.Missing"/>.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // No FIFOs in the file system; named pipes and devices have their own prefixes.
            if (path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\GLOBALROOT", StringComparison.OrdinalIgnoreCase))
            {
                return FileKind.Special;
            }

            var info = new FileInfo(path);
            return !info.Exists && !System.IO.Directory.Exists(path) ? FileKind.Missing
                : info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? FileKind.Link
                : info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
                : info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.Special
                : FileKind.Regular;
        }

        if (LStat(path, out var status) != 0)
        {
            return FileKind.Missing;
        }

        return (status.Mode & TypeMask) switch
        {
            Regular => FileKind.Regular,
            Directory => FileKind.Directory,
            SymbolicLink => FileKind.Link,
            _ => FileKind.Special,
        };
    }

    /// <summary>
    /// The kind of what <paramref name="path"/> ends at after following symbolic links (for reading,
    /// where a link writes nothing); a link loop or a dangling link stays <see cref="FileKind.Link"/>.
    /// </summary>
    public static FileKind OfTarget(string path)
    {
        var kind = Of(path);
        if (kind != FileKind.Link)
        {
            return kind;
        }

        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } target ? Of(target.FullName) : FileKind.Link;
        }
        catch (IOException)
        {
            return FileKind.Link; // ELOOP
        }
    }

    /// <summary>What a kind is called in messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Link => "a symbolic link",
        FileKind.Directory => "a folder",
        FileKind.Special => "a FIFO, socket or device",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    /// <summary>
    /// Throws <paramref name="code"/> unless <paramref name="path"/> is missing or a regular file
    /// directly in <paramref name="folder"/>: the check made before any append or replace.
    /// </summary>
    /// <param name="path">The file about to be appended to or replaced.</param>
    /// <param name="folder">The folder it belongs to, or null when the caller names the file itself (e.g. <c>--junit</c>).</param>
    /// <param name="code">The area's code, e.g. <see cref="ErrorCodes.RegistryFileNotRegular"/>.</param>
    public static void EnsureWritable(string path, string? folder, string code)
    {
        var full = Path.GetFullPath(path);
        if (folder is not null && !string.Equals(Path.GetDirectoryName(full), Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), StringComparison.Ordinal))
        {
            throw new QualityGatesException(code, $"Refusing to write '{full}': it is not directly in '{folder}'.", full);
        }

        var kind = Of(full);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new QualityGatesException(code,
                $"Refusing to write '{full}': it is {Describe(kind)}, not a regular file; remove it or choose another path.", full);
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out NativeFileStatus status);

    // Only Mode is read. The shim's struct is larger than its two leading ints; the padding gives it
    // room for every field any runtime version writes.
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 64)]
        public long[] Rest;
    }
}
