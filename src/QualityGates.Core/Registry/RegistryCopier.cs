using QualityGates.Errors;

namespace QualityGates.Registry;

/// <summary>
/// Copies every record of every model from one store to another, in order, ids and timestamps unchanged.
/// A copy never stops half-way in silence: each source record is checked with the rules every store
/// reads by (<see cref="RegistryRecordRules"/>), what is valid is copied, and each record or model the
/// destination refuses is reported (QG3034, or the model's own code such as QG3004 or QG3009) while the
/// copy goes on with the rest. Only a destination or source that cannot be used at all (a database that
/// is down, refuses the login or has a newer schema) stops it, and the result says so and how far it got.
/// </summary>
internal static class RegistryCopier
{
    // Codes that mean the registry as a whole cannot be used, so every later model would fail the same way.
    private static readonly HashSet<string> Fatal = new(StringComparer.Ordinal)
    {
        ErrorCodes.RegistryDatabaseUnavailable,
        ErrorCodes.RegistryDatabaseLoginRefused,
        ErrorCodes.RegistrySchemaTooNew,
        ErrorCodes.RegistryConnectionStringInvalid,
        ErrorCodes.RegistryConnectionParameterUnsupported,
    };

    public static RegistryCopyResult Copy(IRegistryStore from, IRegistryStore to)
    {
        var models = 0;
        var copied = 0;
        var warnings = new List<RegistryWarning>();
        var errors = new List<RegistryCopyError>();
        foreach (var name in from.ModelNames())
        {
            try
            {
                var read = from.Read(name);
                warnings.AddRange(read.Warnings);
                var import = to.Import(name, read.Value);
                models++;
                copied += import.Added;
                errors.AddRange(import.Refused.Select(r => new RegistryCopyError(ErrorCodes.RegistryRecordNotCopied, r.Record.File, r.Record.Line,
                    $"The record {r.Record.Id} ({r.Record.Model}, {r.Record.KindName} for {r.Record.ContextName}) was not copied to {to.Location}: {r.Reason}.")));
            }
            catch (QualityGatesException ex) when (!Fatal.Contains(ex.Code))
            {
                errors.Add(new RegistryCopyError(ex.Code, ex.File, ex.Line, $"The records of model '{name}' were not copied to {to.Location}: {ex.Message}"));
            }
            catch (QualityGatesException ex)
            {
                return new RegistryCopyResult(models, copied, warnings) { Errors = errors, Stopped = new RegistryCopyError(ex.Code, ex.File, ex.Line, ex.Message) };
            }
        }

        return new RegistryCopyResult(models, copied, warnings) { Errors = errors };
    }
}

/// <summary>
/// What <see cref="ApprovalRegistry.CopyTo"/> did: the models copied, the records appended, the source lines
/// skipped as damaged (<see cref="Warnings"/>, QG3001), each record or model not copied (<see cref="Errors"/>),
/// and, when the copy could not go on, why (<see cref="Stopped"/>).
/// </summary>
internal sealed record RegistryCopyResult(int Models, int Copied, IReadOnlyList<RegistryWarning> Warnings)
{
    /// <summary>Each record or model the destination refused; the copy went on with the others.</summary>
    public IReadOnlyList<RegistryCopyError> Errors { get; init; } = [];

    /// <summary>Why the copy stopped before the last model (a registry that cannot be used at all); null when it went through.</summary>
    public RegistryCopyError? Stopped { get; init; }

    /// <summary>True when every model was read and every valid record is in the destination.</summary>
    public bool Complete => Errors.Count == 0 && Stopped is null;
}

/// <summary>A coded error of a copy: the code, the source file or database and line (or record number) when known, and the message.</summary>
internal sealed record RegistryCopyError(string Code, string? File, int Line, string Message);
