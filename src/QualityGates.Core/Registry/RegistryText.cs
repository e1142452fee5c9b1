using QualityGates.Errors;

namespace QualityGates.Registry;

/// <summary>
/// Validates the free text a record carries (who, notes, reason, target). It is printed on terminals
/// and CI logs later, so control characters (escape sequences), bidi overrides and zero-width characters are refused; notes and reasons may span
/// lines, names may not.
/// </summary>
internal static class RegistryText
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>A required one-line value: who, or a deployment target.</summary>
    public static string Name(string? value, string source) =>
        Check(value, source, MaxNameLength, allowLineBreaks: false) ?? throw Missing(source);

    /// <summary>A required reason (reject, rollback).</summary>
    public static string Reason(string? value, string source) =>
        Check(value, source, MaxTextLength, allowLineBreaks: true) ?? throw Missing(source);

    /// <summary>Optional notes; null when blank.</summary>
    public static string? Notes(string? value, string source) => Check(value, source, MaxTextLength, allowLineBreaks: true);

    /// <summary>What is wrong with a stored one-line value (who, target, id) by the rules it was written under; null when nothing is.</summary>
    public static string? NameProblem(string value) => string.IsNullOrWhiteSpace(value) ? "is empty" : Problem(value, MaxNameLength, allowLineBreaks: false);

    /// <summary>What is wrong with a stored reason or note by the rules it was written under; null when nothing is.</summary>
    public static string? TextProblem(string value) => string.IsNullOrWhiteSpace(value) ? "is empty" : Problem(value, MaxTextLength, allowLineBreaks: true);

    private static string? Check(string? value, string source, int maxLength, bool allowLineBreaks)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Problem(text, maxLength, allowLineBreaks) is { } problem ? throw Invalid(source, problem) : text;
    }

    private static string? Problem(string text, int maxLength, bool allowLineBreaks)
    {
        if (text.Length > maxLength)
        {
            return $"is {text.Length} characters long; at most {maxLength} are allowed";
        }

        if (text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
        {
            return allowLineBreaks ? "contains a control character other than a line break or tab" : "contains a control character or line break";
        }

        // Bidi overrides and zero-width characters make one name look like another ("alice" approving as "ecila").
        if (UntrustedText.FirstHidden(allowLineBreaks ? text.Replace("\r", string.Empty).Replace("\n", string.Empty).Replace("\t", string.Empty) : text) is { } hidden)
        {
            return $"contains the invisible character {hidden} (a bidi override, zero-width or format character)";
        }

        return null;
    }

    private static QualityGatesException Missing(string source) => Invalid(source, "is missing or empty");

    private static QualityGatesException Invalid(string source, string problem) =>
        new(ErrorCodes.RegistryValueNotAllowed, $"{source} {problem}.");
}
