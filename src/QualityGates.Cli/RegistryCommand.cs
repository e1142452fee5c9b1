using System.CommandLine;
using System.Globalization;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary>
/// <c>qualitygates registry migrate|copy</c>: looking after the registry itself rather than its decisions.
/// <c>migrate</c> creates or updates a database registry's schema; <c>copy</c> moves every record from one
/// registry (folder or database) to another, ids and timestamps intact.
/// </summary>
internal sealed class RegistryCommand(Func<string, string?> environment)
{
    private readonly RegistryOptions _migrateOptions = new(environment);
    private readonly Option<string> _from = new("--from") { Description = "The registry to copy from: a folder or a PostgreSQL connection string.", HelpName = "registry", Required = true };
    private readonly Option<string> _to = new("--to") { Description = "The registry to copy into: a folder or a PostgreSQL connection string.", HelpName = "registry", Required = true };
    private readonly Option<bool> _copyJson = new("--json") { Description = "Print JSON on stdout (and nothing else there)." };

    public Command Create()
    {
        var migrate = _migrateOptions.Attach(
            new Command("migrate", "Create or update a PostgreSQL registry's tables to this version's schema (safe to run from many agents at once)."),
            Migrate);
        var copy = new Command("copy", "Copy every record of every model from one registry to another (folder or PostgreSQL), in order, ids and timestamps unchanged; records already there are skipped.")
        {
            _from, _to, _copyJson,
        };
        copy.SetAction(result => RegistryCommandRun.Guard(result.InvocationConfiguration.Error,
            () => Copy(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
        return new Command("registry", "Look after the registry itself: migrate a database, copy between stores.") { migrate, copy };
    }

    private int Migrate(ParseResult result, TextWriter output, TextWriter error)
    {
        var registry = _migrateOptions.Open(result);
        var (before, after) = registry.Migrate();
        if (result.GetValue(_migrateOptions.Json))
        {
            RegistryJson.Print(output, new MigrateJson(registry.Location, registry.IsDatabase, before, after), CliJsonContext.Default.MigrateJson);
        }
        else
        {
            output.WriteLine(!registry.IsDatabase ? $"{registry.Location} is a folder registry; it has no schema to migrate."
                : before == after ? $"{registry.Location}: schema version {after} is current."
                : $"{registry.Location}: migrated the schema from version {before} to {after}.");
        }

        return ExitCodes.Passed;
    }

    private int Copy(ParseResult result, TextWriter output, TextWriter error)
    {
        var from = new ApprovalRegistry(result.GetValue(_from), environment: environment);
        var to = new ApprovalRegistry(result.GetValue(_to), environment: environment);
        var copy = from.CopyTo(to);
        RegistryCommandRun.PrintWarnings(error, copy.Warnings);
        foreach (var failure in copy.Errors.Append(copy.Stopped).OfType<RegistryCopyError>())
        {
            ErrorOutput.Error(error, failure.Code, failure.Message, failure.File, failure.Line);
        }

        if (result.GetValue(_copyJson))
        {
            RegistryJson.Print(output, new CopyJson(from.Location, to.Location, copy.Models, copy.Copied, copy.Complete,
                copy.Errors.Select(RegistryJson.Coded), copy.Stopped is { } stopped ? RegistryJson.Coded(stopped) : null, RegistryJson.Warnings(copy.Warnings)),
                CliJsonContext.Default.CopyJson);
        }
        else
        {
            var how = copy.Stopped is not null ? "; it stopped before the last model, so the rest was not copied (errors above)"
                : copy.Errors.Count > 0 ? $"; {Count(copy.Errors.Count, "record or model was", "records or models were")} not copied (errors above)"
                : copy.Warnings.Count > 0 ? $"; {Count(copy.Warnings.Count, "damaged source line was", "damaged source lines were")} skipped (warnings above)"
                : string.Empty;
            ErrorOutput.Line(output, string.Create(CultureInfo.InvariantCulture,
                $"Copied {copy.Copied} records of {copy.Models} models from {from.Location} to {to.Location} (records already there were skipped){how}."));
        }

        return copy.Complete ? ExitCodes.Passed : ExitCodes.BadInput;
    }

    private static string Count(int count, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}

/// <summary><c>registry migrate --json</c>: the schema version before and after (0 for a folder registry).</summary>
internal sealed record MigrateJson(string Registry, bool Database, int SchemaBefore, int SchemaVersion);

/// <summary><c>registry copy --json</c>: how many records of how many models were copied, what was refused, and whether it stopped.</summary>
internal sealed record CopyJson(string From, string To, int Models, int Copied, bool Complete, IEnumerable<CodedJson> Errors, CodedJson? Stopped, IEnumerable<WarningJson> Warnings);
