using System.Reflection;
using System.Text;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Inputs.Common;
using QualityGates.Reports;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The gate's MSBuild settings as the package's build targets wrote them next to the test application
/// (<c>&lt;AssemblyName&gt;.qualitygates.settings</c>): one <c>Name=value</c> line per setting the test
/// application reads (the catalogue's, under their MSBuild properties) and per fact of the project
/// (<see cref="ProjectKeys"/>). The build and this reader come from the same package, so the file must
/// hold exactly those keys, each once: a damaged byte in a key must fail the run (QG0032), never turn a
/// production gate into a passing staging gate. It is read through the input files' kind checks (a FIFO
/// or a link to a device is refused without being opened) and only up to <see cref="MaxBytes"/>.
/// </summary>
internal sealed class GateSettingsFile
{
    /// <summary>The file name's ending after the assembly name.</summary>
    public const string Extension = ".qualitygates.settings";

    /// <summary>Far above what the build writes (a few kilobytes), far below what could hurt.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The key of the target framework: given (not empty) only for a leg of a multi-targeting project.</summary>
    public const string TargetFrameworkKey = "TargetFramework";

    /// <summary>The keys that are facts of the project, not settings.</summary>
    public static readonly IReadOnlyList<string> ProjectKeys = ["ProjectDirectory", "ProjectFile", "TestAssemblyName", TargetFrameworkKey];

    /// <summary>Every key the file holds: the project's facts, then each setting the file carries and its deprecated names.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        .. ProjectKeys,
        .. SettingsCatalogue.All.Where(s => s.InTestingPlatformFile)
            .SelectMany(s => s.Aliases.Select(a => a.MSBuild).Prepend(s.MSBuild))
            .OfType<string>(),
    ];

    private readonly Dictionary<string, string> _values;

    private GateSettingsFile(string path, Dictionary<string, string> values, bool exists)
    {
        Path = path;
        _values = values;
        Exists = exists;
    }

    /// <summary>Where the file is (or was expected).</summary>
    public string Path { get; }

    /// <summary>False when the build wrote no file (the extension was registered by hand, or the build is older).</summary>
    public bool Exists { get; }

    /// <summary>The value of a key, or null when it is empty.</summary>
    public string? this[string key] => _values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>The settings, under their MSBuild names, for <see cref="SettingValues.Read"/>.</summary>
    public SettingLayer Settings()
    {
        var layer = new SettingLayer(Adapter.MSBuild);
        foreach (var (key, value) in _values.Where(v => !ProjectKeys.Contains(v.Key)))
        {
            layer.Add(key, value);
        }

        // The leg's framework is the build's own fact, as the MSBuild task's TargetFramework parameter is.
        return this[TargetFrameworkKey] is { } targetFramework
            ? layer.Add(SettingsCatalogue.TargetFramework, targetFramework, TargetFrameworkKey)
            : layer;
    }

    /// <summary>The settings file of the running test application.</summary>
    public static GateSettingsFile ForEntryAssembly()
    {
        var name = Assembly.GetEntryAssembly()?.GetName().Name ?? "testhost";
        return Read(System.IO.Path.Combine(AppContext.BaseDirectory, name + Extension));
    }

    /// <summary>Reads a settings file; a missing file gives empty settings (see <see cref="Exists"/>).</summary>
    /// <exception cref="QualityGatesException">
    /// QG1015 when it is not a regular file, QG1009 when it cannot be read, QG1002 when empty, QG0032 when
    /// it is larger than <see cref="MaxBytes"/> or a key is unknown, repeated or missing.
    /// </exception>
    public static GateSettingsFile Read(string path)
    {
        if (FileKinds.Of(path) == FileKind.Missing)
        {
            return new GateSettingsFile(path, [], exists: false);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in Lines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? line[..equals] : null;
            if (key is null || !Keys.Contains(key, StringComparer.Ordinal))
            {
                throw Damaged(path, number, key is null
                    ? "a line without 'Name='"
                    : $"the unknown key '{ConsoleText.Neutralise(key)}'");
            }

            if (lines.TryGetValue(key, out var first))
            {
                throw Damaged(path, number, $"{key} a second time (first on line {first})");
            }

            lines[key] = number;
            values[key] = line[(equals + 1)..].Trim();
        }

        if (Keys.FirstOrDefault(k => !lines.ContainsKey(k)) is { } missing)
        {
            throw Damaged(path, 0, $"no line for {missing}");
        }

        return new GateSettingsFile(path, values, exists: true);
    }

    /// <summary>The file's lines, read through the input files' kind checks and never past <see cref="MaxBytes"/>.</summary>
    private static string[] Lines(string path)
    {
        using var stream = InputFile.OpenRead(path);
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        try
        {
            for (int count; read < buffer.Length && (count = stream.Read(buffer, read, buffer.Length - read)) > 0;)
            {
                read += count;
            }
        }
        catch (IOException ex)
        {
            throw new QualityGatesException(ErrorCodes.InputFileUnreadable, $"The quality gate settings '{path}' could not be read: {ex.Message}", path, inner: ex);
        }

        if (read > MaxBytes)
        {
            throw Damaged(path, 0, $"more than {MaxBytes / 1024} KiB, far more than the build writes");
        }

        return Encoding.UTF8.GetString(buffer, 0, read).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    private static QualityGatesException Damaged(string path, int line, string problem) =>
        new(ErrorCodes.SettingsFileInvalid,
            $"The quality gate settings '{path}' hold {problem}, so they are not what the build wrote; rebuild the test project (dotnet build) to write them again.",
            path, line);
}
