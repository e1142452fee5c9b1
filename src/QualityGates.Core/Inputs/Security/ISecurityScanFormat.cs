using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>One security scan format: recognised from the file's content, never from its name.</summary>
internal interface ISecurityScanFormat
{
    /// <summary>The format's name in <see cref="Metrics.SecuritySummary.Formats"/>.</summary>
    string Name { get; }

    /// <summary>True when the top-level value has this format's shape (a cheap look at its keys).</summary>
    bool Recognizes(JsonCursor root);

    /// <summary>Adds the file's findings to <paramref name="tally"/>; bad values are coded errors with their line.</summary>
    ScanOrigin Read(JsonCursor root, FindingTally tally);
}
