using System.Globalization;
using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Reports;

/// <summary>
/// Reads back a JSON report written by <see cref="JsonReportWriter"/>, for the registry to approve a
/// model version from. A file that is not such a report, or whose verdict contradicts its own
/// checks, is refused with a coded error rather than half-read.
/// </summary>
internal static class JsonReportReader
{
    /// <summary>Reads the report at <paramref name="path"/> or throws a <see cref="QualityGatesException"/>.</summary>
    /// <remarks>
    /// Codes: QG1001/QG1002/QG1009 (missing, empty, unreadable), QG1004 (not JSON), QG1006 (JSON but not a
    /// gate report, or a schema version this build does not know), QG1007 (a field of the wrong type),
    /// QG1008 (a value not allowed: unknown context or status, a verdict its checks contradict),
    /// QG1012 (a required field missing).
    /// </remarks>
    public static SavedGateReport Read(string path)
    {
        // Read where asked, not held whole: only the top-level fields and the checks are read, one check at a time.
        using var file = JsonInputFile.Open(path);
        var root = file.Root;
        if (root.Kind != JsonValueKind.Object || root.Optional("schemaVersion") is not { } version)
        {
            throw Error(ErrorCodes.WrongFileKind, path, "is not a quality gate report (no schemaVersion at the top level)");
        }

        if (version.Kind != JsonValueKind.Number || !version.Element.TryGetInt32(out var schemaVersion))
        {
            throw Error(ErrorCodes.WrongFileKind, path, "is not a quality gate report (schemaVersion is not a whole number)");
        }

        if (schemaVersion != JsonReportWriter.SchemaVersion)
        {
            throw Error(ErrorCodes.WrongFileKind, path,
                $"has report schema version {schemaVersion}; this version of QualityGates reads version {JsonReportWriter.SchemaVersion}");
        }

        var checks = ReadChecks(root, path);
        var allPassed = RequiredBoolean(root, "allPassed", path);
        var failed = checks.FirstOrDefault(c => c.Status == GateStatus.Failed);
        if (allPassed && failed is not null)
        {
            throw Error(ErrorCodes.InputValueOutOfRange, path, $"says allPassed is true, but its check '{failed.Gate}' failed");
        }

        return new SavedGateReport
        {
            SourceFile = path,
            SchemaVersion = schemaVersion,
            Model = ReadModel(root, path),
            Context = ReadContext(root, path),
            Timestamp = ReadTimestamp(root, path),
            Strict = OptionalBoolean(root, "strict", path),
            AllPassed = allPassed,
            Checks = checks,
            Waivers = ReadWaivers(root, path),
        };
    }

    private static List<ReportWaiverEntry> ReadWaivers(JsonCursor root, string path)
    {
        if (root.Optional("waivers") is not { Kind: JsonValueKind.Array } waivers)
        {
            return [];
        }

        return waivers.Items().Where(w => w.Kind == JsonValueKind.Object).Select(w =>
        {
            var gate = OptionalString(w, "gate", path, "waivers[]");
            var waiver = new Waivers.Waiver { Gate = gate, Advisory = OptionalString(w, "advisory", path, "waivers[]"), Package = OptionalString(w, "package", path, "waivers[]"), Version = OptionalString(w, "version", path, "waivers[]") };
            return new ReportWaiverEntry(waiver.Target, OptionalString(w, "owner", path, "waivers[]") ?? string.Empty, OptionalString(w, "reason", path, "waivers[]") ?? string.Empty,
                OptionalString(w, "expires", path, "waivers[]") ?? string.Empty, OptionalString(w, "state", path, "waivers[]") ?? string.Empty);
        }).ToList();
    }

    private static ModelIdentity? ReadModel(JsonCursor root, string path)
    {
        var name = OptionalString(root, "modelName", path);
        var version = OptionalString(root, "modelVersion", path);
        if (name is null && version is null)
        {
            return null;
        }

        if (name is null || version is null)
        {
            throw Error(ErrorCodes.MissingJsonField, path, $"has a {(name is null ? "modelVersion without a modelName" : "modelName without a modelVersion")}");
        }

        return new ModelIdentity(name, version);
    }

    private static DeploymentContext ReadContext(JsonCursor root, string path)
    {
        var text = RequiredString(root, "context", path);
        for (var i = 0; i < DeploymentContexts.Names.Count; i++)
        {
            if (string.Equals(text, DeploymentContexts.Names[i], StringComparison.Ordinal))
            {
                return (DeploymentContext)i;
            }
        }

        throw Error(ErrorCodes.InputValueOutOfRange, path,
            $"has context '{text}', which is not one of {string.Join(", ", DeploymentContexts.Names)}");
    }

    private static DateTimeOffset ReadTimestamp(JsonCursor root, string path)
    {
        var text = RequiredString(root, "timestamp", path);
        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw Error(ErrorCodes.WrongJsonFieldType, path, $"has timestamp '{text}', which is not an ISO 8601 date and time");
        }

        return time.ToUniversalTime();
    }

    private static List<GateCheckResult> ReadChecks(JsonCursor root, string path)
    {
        var array = Required(root, "checks", path);
        if (array.Kind != JsonValueKind.Array)
        {
            throw WrongType(path, "checks", "an array", array);
        }

        var checks = new List<GateCheckResult>();
        var index = 0;
        foreach (var item in array.Items())
        {
            var where = $"checks[{index++}]";
            if (item.Kind != JsonValueKind.Object)
            {
                throw WrongType(path, where, "an object", item);
            }

            var gate = RequiredString(item, "gate", path, where);
            var status = ParseStatus(RequiredString(item, "status", path, where), path, where);
            checks.Add(new GateCheckResult(
                gate,
                status,
                OptionalNumber(item, "value", path, where),
                OptionalNumber(item, "threshold", path, where),
                OptionalString(item, "message", path, where) ?? string.Empty,
                OptionalString(item, "code", path, where)));
        }

        return checks;
    }

    private static GateStatus ParseStatus(string text, string path, string where) =>
        Reports.JsonReportWriter.StatusFromName(text)
        ?? throw Error(ErrorCodes.InputValueOutOfRange, path, $"has {where}.status '{text}'; expected passed, failed, skipped, warning or waived");

    private static JsonCursor Required(JsonCursor parent, string name, string path, string? where = null) =>
        parent.Optional(name) ?? throw Error(ErrorCodes.MissingJsonField, path, $"has no {Field(where, name)}");

    private static string RequiredString(JsonCursor parent, string name, string path, string? where = null)
    {
        var value = Required(parent, name, path, where);
        return value.Kind == JsonValueKind.String ? value.AsString() : throw WrongType(path, Field(where, name), "a string", value);
    }

    private static bool RequiredBoolean(JsonCursor parent, string name, string path)
    {
        var value = Required(parent, name, path);
        return value.Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(path, name, "true or false", value),
        };
    }

    private static bool OptionalBoolean(JsonCursor parent, string name, string path)
    {
        return parent.Has(name) && RequiredBoolean(parent, name, path);
    }

    private static string? OptionalString(JsonCursor parent, string name, string path, string? where = null)
    {
        if (parent.Optional(name) is not { } value)
        {
            return null;
        }

        return value.Kind == JsonValueKind.String ? value.AsString() : throw WrongType(path, Field(where, name), "a string", value);
    }

    private static double? OptionalNumber(JsonCursor parent, string name, string path, string where)
    {
        if (parent.Optional(name) is not { } value)
        {
            return null;
        }

        return value.Kind == JsonValueKind.Number ? value.Element.GetDouble() : throw WrongType(path, Field(where, name), "a number", value);
    }

    private static string Field(string? where, string name) => where is null ? name : where + "." + name;

    private static QualityGatesException WrongType(string path, string field, string expected, JsonCursor actual) =>
        Error(ErrorCodes.WrongJsonFieldType, path, $"has {field} as {actual.Kind.ToString().ToLowerInvariant()}; expected {expected}");

    private static QualityGatesException Error(string code, string path, string what) =>
        new(code, $"Report '{path}' {what}.", path);
}
