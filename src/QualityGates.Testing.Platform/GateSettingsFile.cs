using System.Reflection;
using QualityGates.Errors;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The gate's MSBuild settings as the package's build targets wrote them next to the test application
/// (<c>&lt;AssemblyName&gt;.qualitygates.settings</c>): one <c>QualityGatesName=value</c> line per property, plus
/// <c>ProjectDirectory</c> and the resolved <c>ReportDirectory</c>. Values are single MSBuild property
/// values, so a line never holds a line break; an unknown line is ignored so older files still read.
/// </summary>
internal sealed class GateSettingsFile
{
    /// <summary>The file name's ending after the assembly name.</summary>
    public const string Extension = ".qualitygates.settings";

    private readonly Dictionary<string, string> _values;

    private GateSettingsFile(string path, Dictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>Where the file is (or was expected).</summary>
    public string Path { get; }

    /// <summary>False when the build wrote no file (the extension was registered by hand, or the build is older).</summary>
    public bool Exists => _values.Count > 0;

    /// <summary>The value of a setting, or null when the file does not set it.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The settings file of the running test application.</summary>
    public static GateSettingsFile ForEntryAssembly()
    {
        var name = Assembly.GetEntryAssembly()?.GetName().Name ?? "testhost";
        return Read(System.IO.Path.Combine(AppContext.BaseDirectory, name + Extension));
    }

    /// <summary>Reads a settings file; a missing file gives empty settings (see <see cref="Exists"/>).</summary>
    /// <exception cref="QualityGatesException">QG1009 when the file exists but cannot be read.</exception>
    public static GateSettingsFile Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return new GateSettingsFile(path, values);
        }

        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var equals = line.IndexOf('=');
                if (equals > 0)
                {
                    values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
                }
            }
        }
        catch (IOException ex)
        {
            throw new QualityGatesException(ErrorCodes.InputFileUnreadable, $"The quality gate settings '{path}' could not be read: {ex.Message}", path, inner: ex);
        }

        return new GateSettingsFile(path, values);
    }
}
