namespace QualityGates.Registry;

/// <summary>The names record kinds have in registry files and JSON output.</summary>
internal static class RegistryRecordKinds
{
    public static string NameOf(RegistryRecordKind kind) => kind switch
    {
        RegistryRecordKind.Approved => "approved",
        RegistryRecordKind.Rejected => "rejected",
        RegistryRecordKind.Blocked => "blocked",
        RegistryRecordKind.Deployed => "deployed",
        RegistryRecordKind.RolledBack => "rolled-back",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? name, out RegistryRecordKind kind)
    {
        foreach (var candidate in Enum.GetValues<RegistryRecordKind>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>What a registry record says happened. Every kind but <see cref="Deployed"/> is a decision about a version in a context.</summary>
internal enum RegistryRecordKind
{
    /// <summary>The version was approved for the context (by hand or from a passing gate report).</summary>
    Approved,
    /// <summary>The version was rejected for the context, with a reason.</summary>
    Rejected,
    /// <summary>A gate run for the version in the context failed (recorded by the build).</summary>
    Blocked,
    /// <summary>The version was deployed to a target in the context.</summary>
    Deployed,
    /// <summary>The version was rolled back in the context, with a reason; it must be approved again before it is deployed.</summary>
    RolledBack,
}
