using System.Globalization;
using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Inputs.Common;

namespace QualityGates.Waivers;

/// <summary>
/// Finds and reads <c>qualitygates.waivers.json</c> (schema: docs/qualitygates.waivers.schema.json). Read
/// strictly like every JSON input (duplicate keys are QG1014); each bad entry is one coded error naming the
/// file and line: QG1020 (a required field missing, empty or of the wrong type), QG1021 (a date not written
/// yyyy-MM-dd), QG1022 (an unknown gate, context or field).
/// </summary>
internal static class WaiversFile
{
    /// <summary>The file name searched for.</summary>
    public const string FileName = "qualitygates.waivers.json";

    private static readonly string[] Fields = ["advisory", "package", "version", "gate", "contexts", "owner", "reason", "expires"];

    /// <summary>
    /// The nearest <see cref="FileName"/> from <paramref name="folder"/> upward to the repository root
    /// (<see cref="RepositoryRoot"/>), or only in <paramref name="folder"/> outside a repository; null when none.
    /// </summary>
    public static string? Find(string folder)
    {
        var root = RepositoryRoot.Find(folder);
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (root is null || string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Reads every waiver of <paramref name="path"/>; each problem is added to <paramref name="errors"/> and its entry left out.</summary>
    public static IReadOnlyList<Waiver> Read(string path, DiagnosticBag errors)
    {
        try
        {
            using var file = JsonInputFile.Open(path);
            return Read(file, errors);
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
            return [];
        }
    }

    /// <summary>
    /// Reads every waiver of an open <paramref name="file"/>. Each waiver's line (and each error's) is found
    /// inside its own entry, after one pass that notes where every entry starts: time grows with the
    /// file's size, never with its square (a pull request sets how many waivers there are).
    /// </summary>
    internal static IReadOnlyList<Waiver> Read(JsonInputFile file, DiagnosticBag errors)
    {
        var waivers = new List<Waiver>();
        try
        {
            var root = file.Root.ExpectObject();
            file.IndexItems(JsonPath.Property(JsonPath.Root, "waivers"));
            foreach (var name in root.PropertyNames.Where(name => name is not ("waivers" or "$schema")))
            {
                errors.Add(file.Error(ErrorCodes.WaiverNameUnknown, JsonPath.Property(root.Path, name),
                    $"'{UntrustedText.Cap(name, 200)}' is not a field of a waivers file; it has 'waivers' (and may have '$schema')."));
            }

            foreach (var entry in root.Required("waivers").Items())
            {
                try
                {
                    waivers.Add(ReadEntry(entry));
                }
                catch (QualityGatesException ex)
                {
                    errors.Add(ex);
                }
            }
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
        }

        return waivers;
    }

    private static Waiver ReadEntry(JsonCursor entry)
    {
        entry.ExpectObject();
        if (entry.PropertyNames.FirstOrDefault(name => !Fields.Contains(name)) is { } unknown)
        {
            throw entry.File.Error(ErrorCodes.WaiverNameUnknown, JsonPath.Property(entry.Path, unknown),
                $"'{UntrustedText.Cap(unknown, 200)}' is not a waiver field; a waiver has {string.Join(", ", Fields)}.");
        }

        var advisory = Text(entry, "advisory", required: false);
        var gate = Text(entry, "gate", required: false);
        if ((advisory is null) == (gate is null))
        {
            throw entry.Error(ErrorCodes.WaiverFieldInvalid,
                $"a waiver names exactly one of 'advisory' (a security finding) or 'gate' (a check); this one names {(advisory is null ? "neither" : "both")}.");
        }

        if (gate is not null && !GateNames.IsKnown(gate))
        {
            throw entry.Required("gate").Error(ErrorCodes.WaiverNameUnknown,
                $"'{UntrustedText.Cap(gate, 200)}' is not a gate; gates are {string.Join(", ", GateNames.All)}, and coverage.line[Assembly] or coverage.branch[Assembly] for one assembly.");
        }

        var package = Text(entry, "package", required: false);
        var version = Text(entry, "version", required: false);
        if (gate is not null && (package ?? version) is not null)
        {
            throw entry.Error(ErrorCodes.WaiverFieldInvalid, "'package' and 'version' narrow an advisory waiver; a gate waiver cannot have them.");
        }

        return new Waiver
        {
            Advisory = advisory,
            Gate = gate,
            Package = package,
            Version = version,
            Contexts = Contexts(entry),
            // Who and why are only shown, in every message and report that names the waiver: a megabyte
            // of reason is cut there, once, with a marker.
            Owner = UntrustedText.Cap(Text(entry, "owner", required: true)!, 200),
            Reason = UntrustedText.Cap(Text(entry, "reason", required: true)!),
            Expires = Date(entry),
            File = entry.File.Path,
            Line = entry.File.LineOf(entry.Path),
        };
    }

    private static string? Text(JsonCursor entry, string name, bool required)
    {
        if (entry.Optional(name) is not { } value)
        {
            return required ? throw entry.Error(ErrorCodes.WaiverFieldInvalid, $"the waiver has no '{name}'; owner, reason and expires are required.") : null;
        }

        if (value.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.Element.GetString()))
        {
            throw value.Error(ErrorCodes.WaiverFieldInvalid, $"'{name}' must be a non-empty string; it is {value.Description}.");
        }

        return value.AsString().Trim();
    }

    private static DateOnly Date(JsonCursor entry)
    {
        var text = Text(entry, "expires", required: true)!;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw entry.Required("expires").Error(ErrorCodes.WaiverDateInvalid, $"'expires' is '{UntrustedText.Cap(text, 200)}'; write the last valid day (UTC) as yyyy-MM-dd, e.g. 2027-01-31.");
    }

    private static IReadOnlyList<DeploymentContext> Contexts(JsonCursor entry)
    {
        if (entry.Optional("contexts") is { Kind: JsonValueKind.Array } list && !list.Items().Any())
        {
            // Left out, a waiver applies in every context; an empty list reads as "in none", so it must
            // not silently mean "in all".
            throw list.Error(ErrorCodes.WaiverFieldInvalid,
                "'contexts' is an empty list; name the contexts the waiver applies in (development, staging, production), or leave 'contexts' out for every context.");
        }

        var contexts = new List<DeploymentContext>();
        foreach (var item in entry.OptionalItems("contexts"))
        {
            var name = item.Kind == JsonValueKind.String ? item.AsString() : throw item.Error(ErrorCodes.WaiverFieldInvalid, $"a context must be a string; it is {item.Description}.");
            try
            {
                contexts.Add(DeploymentContexts.Parse(name, "the context"));
            }
            catch (QualityGatesException ex)
            {
                throw item.Error(ErrorCodes.WaiverNameUnknown, ex.Message);
            }
        }

        return contexts;
    }
}
