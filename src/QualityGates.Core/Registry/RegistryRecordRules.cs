namespace QualityGates.Registry;

/// <summary>
/// What a stored record must be, in every store: the folder store and the database read records with these
/// rules and <c>registry copy</c> checks each record with them before the destination gets it, so a record
/// one store accepts is a record every store accepts (the database's own constraints are never stricter).
/// A record that breaks one is reported as damaged and skipped, never shown as valid.
/// </summary>
internal static class RegistryRecordRules
{
    /// <summary>The longest id a record may have: the database's <c>id</c> column holds at most this many characters.</summary>
    public const int MaxIdLength = 200;

    /// <summary>What is wrong with the record (to follow "it …" in a message), or null when nothing is.</summary>
    public static string? Problem(RegistryRecord record)
    {
        if (record.Id.Length == 0 || record.Id.Length > MaxIdLength || record.Id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"has an id that is not 1 to {MaxIdLength} characters without spaces or control characters ({record.Id.Length} characters)";
        }

        if (RegistryText.NameProblem(record.By) is { } by)
        {
            return "has a 'by' that " + by;
        }

        if (record.Target is not null && RegistryText.NameProblem(record.Target) is { } target)
        {
            return "has a target that " + target;
        }

        if (record.Kind is RegistryRecordKind.Rejected or RegistryRecordKind.RolledBack && string.IsNullOrWhiteSpace(record.Reason))
        {
            return $"is a {record.KindName} record without a reason";
        }

        if (record.Kind == RegistryRecordKind.Deployed && string.IsNullOrWhiteSpace(record.Target))
        {
            return "is a deployment record without a target";
        }

        if (record.Override is not null)
        {
            if (record.Kind != RegistryRecordKind.Approved)
            {
                return $"is a {record.KindName} record with an override (only an approval can override a blocked gate run)";
            }

            if (RegistryText.TextProblem(record.Override) is { } reason)
            {
                return "has an override reason that " + reason;
            }
        }

        return null;
    }
}
