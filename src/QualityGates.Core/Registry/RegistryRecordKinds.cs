namespace QualityGates.Registry;

/// <summary>The names record kinds have in registry files and JSON output.</summary>
public static class RegistryRecordKinds
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
