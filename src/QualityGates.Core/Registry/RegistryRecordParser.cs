using System.Globalization;
using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// Reads one registry line back into a record. Anything short of a complete, valid record (bad JSON, a
/// missing or mistyped member, an unknown kind or context, a name that could escape the folder) is a
/// <see cref="FormatException"/> whose message says what is wrong, for the caller to report and skip.
/// </summary>
internal static class RegistryRecordParser
{
    public static RegistryRecord Parse(ReadOnlyMemory<byte> line, string file, int lineNumber)
    {
        JsonInput.CheckLine(line);
        using var document = ParseJson(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"is {root.ValueKind.ToString().ToLowerInvariant()}, not a record object");
        }

        var schema = Required(root, "schemaVersion", JsonValueKind.Number);
        if (!schema.TryGetInt32(out var version) || version != RegistryRecordJson.SchemaVersion)
        {
            throw new FormatException($"has schemaVersion {schema.GetRawText()}; this version of QualityGates reads {RegistryRecordJson.SchemaVersion}");
        }

        var kindName = Text(root, "kind");
        if (!RegistryRecordKinds.TryParse(kindName, out var kind))
        {
            throw new FormatException($"has the unknown kind '{kindName}'");
        }

        var record = new RegistryRecord
        {
            Id = Text(root, "id"),
            Kind = kind,
            Timestamp = Timestamp(Text(root, "timestamp"), "timestamp"),
            Model = Model(root),
            Context = Context(Text(root, "context")),
            By = Text(root, "by"),
            Notes = OptionalText(root, "notes"),
            Reason = OptionalText(root, "reason"),
            Target = OptionalText(root, "target"),
            Override = OptionalText(root, "override"),
            Report = Report(root),
            File = file,
            Line = lineNumber,
        };
        return RegistryRecordRules.Problem(record) is { } problem ? throw new FormatException(problem) : record;
    }

    private static JsonDocument ParseJson(ReadOnlyMemory<byte> line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            // System.Text.Json's positions are 0-based and per document; the line number says enough.
            throw new FormatException("is not complete JSON (torn or edited): " + ex.Message.Split(" LineNumber:")[0].TrimEnd('.', ' '));
        }
    }

    private static ModelIdentity Model(JsonElement root)
    {
        try
        {
            return ModelIdentity.Create(Text(root, "model"), Text(root, "version"), "the record");
        }
        catch (QualityGatesException ex)
        {
            throw new FormatException("names a model that is not allowed: " + ex.Message);
        }
    }

    private static DeploymentContext Context(string name)
    {
        for (var i = 0; i < DeploymentContexts.Names.Count; i++)
        {
            if (string.Equals(name, DeploymentContexts.Names[i], StringComparison.Ordinal))
            {
                return (DeploymentContext)i;
            }
        }

        throw new FormatException($"has the unknown context '{name}'");
    }

    private static ReportReference? Report(JsonElement root)
    {
        if (!root.TryGetProperty("report", out var report) || report.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (report.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("has a report that is not an object");
        }

        var checks = Required(report, "checks", JsonValueKind.Array).EnumerateArray()
            .Select(c => new ReportCheckEntry(Text(c, "gate"), Status(Text(c, "status")), OptionalText(c, "code")))
            .ToList();
        var waivers = report.TryGetProperty("waivers", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(w => new ReportWaiverEntry(Text(w, "waives"), Text(w, "owner"), Text(w, "reason"), Text(w, "expires"), Text(w, "state"))).ToList()
            : [];
        return new ReportReference
        {
            Waivers = waivers,
            File = OptionalText(report, "file"),
            Timestamp = Timestamp(Text(report, "timestamp"), "report.timestamp"),
            Strict = Boolean(report, "strict"),
            AllPassed = Boolean(report, "allPassed"),
            Checks = checks,
        };
    }

    private static GateStatus Status(string name) =>
        Reports.JsonReportWriter.StatusFromName(name) ?? throw new FormatException($"has a report check with the unknown status '{name}'");

    private static DateTimeOffset Timestamp(string text, string member)
    {
        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new FormatException($"has {member} '{text}', which is not an ISO 8601 time");
        }

        return time.ToUniversalTime();
    }

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new FormatException($"has no {name}");
        }

        return value.ValueKind == kind
            ? value
            : throw new FormatException($"has {name} as {value.ValueKind.ToString().ToLowerInvariant()}, not {kind.ToString().ToLowerInvariant()}");
    }

    private static string Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object ? Required(parent, name, JsonValueKind.String).GetString()! : throw new FormatException($"has a non-object where {name} belongs");

    private static string? OptionalText(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Text(parent, name) : null;

    private static bool Boolean(JsonElement parent, string name) => parent.TryGetProperty(name, out var value) && value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw new FormatException($"has {name} as {value.ValueKind.ToString().ToLowerInvariant()}, not true or false"),
    };
}
