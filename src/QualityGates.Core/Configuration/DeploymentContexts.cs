using QualityGates.Errors;

namespace QualityGates.Configuration;

/// <summary>Parsing and naming of <see cref="DeploymentContext"/> values as users write them.</summary>
internal static class DeploymentContexts
{
    /// <summary>The names users write, in the order of increasing strictness.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "development", "staging", "production" };

    /// <summary>The lower-case name of <paramref name="context"/>, as used in reports and messages.</summary>
    public static string NameOf(DeploymentContext context) => context switch
    {
        DeploymentContext.Development => "development",
        DeploymentContext.Staging => "staging",
        DeploymentContext.Production => "production",
        _ => throw new ArgumentOutOfRangeException(nameof(context)),
    };

    /// <summary>
    /// Parses a context name (case-insensitive). Abbreviations such as "prod" are refused on purpose:
    /// a typo must never fall back to a laxer context.
    /// </summary>
    /// <param name="value">The value as written.</param>
    /// <param name="source">Where it was written (a property or option name), for the error message.</param>
    public static DeploymentContext Parse(string? value, string source)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(trimmed, Names[i], StringComparison.OrdinalIgnoreCase))
            {
                return (DeploymentContext)i;
            }
        }

        throw new QualityGatesException(ErrorCodes.UnknownContext,
            $"{source} is '{value}', which is not a deployment context; use one of: {string.Join(", ", Names)}.");
    }
}

/// <summary>The deployment context a gate runs in; each has a full set of thresholds.</summary>
internal enum DeploymentContext
{
    Development,
    Staging,
    Production,
}
