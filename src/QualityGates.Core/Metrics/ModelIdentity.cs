using QualityGates.Errors;

namespace QualityGates.Metrics;

/// <summary>The model (or product) name and version a report is about.</summary>
internal sealed record ModelIdentity(string Name, string Version)
{
    public override string ToString() => $"{Name}:{Version}";

    /// <summary>
    /// Parses <c>name:version</c>. Names and versions become file and folder names in the registry,
    /// so path separators, <c>..</c>, control characters and (against look-alike names) bidi and zero-width characters are refused (QG0005).
    /// </summary>
    /// <param name="text">The value as written, e.g. <c>veran:v6.2</c>.</param>
    /// <param name="source">Where it was written (<c>--model</c>), for the error message.</param>
    public static ModelIdentity Parse(string? text, string source)
    {
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            throw new QualityGatesException(ErrorCodes.InvalidModelIdentity,
                $"{source} is '{UntrustedText.Cap(text ?? string.Empty, 200)}', but it must be written as name:version, e.g. veran:v6.2.");
        }

        return Create(text[..colon], text[(colon + 1)..], source);
    }

    /// <summary>Validates a name and version given separately (e.g. two MSBuild properties).</summary>
    public static ModelIdentity Create(string name, string version, string source)
    {
        Validate(name.Trim(), "name", source);
        Validate(version.Trim(), "version", source);
        return new ModelIdentity(name.Trim(), version.Trim());
    }

    /// <summary>
    /// Validates a model name given on its own, without a version (e.g. to list its approved versions);
    /// the same rules as <see cref="Create"/>.
    /// </summary>
    public static string ParseName(string? text, string source)
    {
        var name = text?.Trim() ?? string.Empty;
        Validate(name, "name", source);
        return name;
    }

    private static void Validate(string part, string what, string source)
    {
        var problem = part switch
        {
            "" => "is empty",
            _ when part.Contains("..", StringComparison.Ordinal) => "contains '..'",
            _ when part.IndexOfAny(['/', '\\', ':']) >= 0 => "contains a path separator or ':'",
            _ when UntrustedText.FirstHidden(part) is { } hidden => $"contains the invisible or control character {hidden} (a bidi override, zero-width or control character can make one name look like another)",
            // What a command line, an environment variable or a property holds in place of bytes that are not
            // UTF-8: two different names would become one.
            _ when part.Contains('\uFFFD', StringComparison.Ordinal) => "contains U+FFFD, which stands for bytes that are not UTF-8 (two different names would read as one)",
            _ when part.Length > 200 => "is longer than 200 characters",
            _ => null,
        };
        if (problem is not null)
        {
            throw new QualityGatesException(ErrorCodes.InvalidModelIdentity,
                $"{source}: the model {what} '{UntrustedText.Cap(part, 200)}' {problem}; names and versions may not contain path separators, '..', ':', control, bidi or zero-width characters, and must be UTF-8.");
        }
    }
}
