namespace QualityGates.Testing.Platform;

/// <summary>What the platform shows about the extension (<c>--info</c>, diagnostics).</summary>
internal static class GateExtensionInfo
{
    public const string DisplayName = "Quality gates";
    public const string Description = "Judges the test run (and its coverage) against the quality gates of a deployment context and writes junit-gates.xml, the JSON report and gates.html.";

    public static string Version { get; } = typeof(GateExtensionInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
