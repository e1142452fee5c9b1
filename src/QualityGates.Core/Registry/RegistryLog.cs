using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// The registry's files: one append-only JSON Lines file per model in one folder. Appends go through
/// <see cref="JsonLinesFile"/> (exclusive lock, one write per line), so parallel processes never lose,
/// duplicate or tear a record; reads take a snapshot between appends.
/// </summary>
internal sealed class RegistryLog(string folder, TimeSpan? lockTimeout)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string FileFor(string modelName) => RegistryPaths.FileFor(Folder, modelName);

    public void Append(RegistryRecord record)
    {
        var file = FileFor(record.Model.Name);
        EnsureFolder();
        try
        {
            Directory.CreateDirectory(Folder);
            JsonLinesFile.Append(file, RegistryRecordJson.ToLine(record), lockTimeout, ErrorCodes.RegistryFileNotRegular);
        }
        catch (QualityGatesException ex) when (ex.Code != ErrorCodes.RegistryFileNotRegular)
        {
            throw Unavailable(file, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(file, $"Cannot create the registry folder '{Folder}': {ex.Message}", ex);
        }
    }

    /// <summary>Every sound record of the model, in file order, and a warning for every line skipped.</summary>
    public RegistryResult<IReadOnlyList<RegistryRecord>> Read(string modelName)
    {
        var file = FileFor(modelName);
        EnsureFolder();
        byte[]? content;
        try
        {
            content = JsonLinesFile.ReadAll(file, lockTimeout, ErrorCodes.RegistryFileNotRegular);
        }
        catch (QualityGatesException ex) when (ex.Code != ErrorCodes.RegistryFileNotRegular)
        {
            throw Unavailable(file, ex.Message, ex);
        }

        if (content is null)
        {
            return new RegistryResult<IReadOnlyList<RegistryRecord>>([], []);
        }

        var (records, warnings) = RegistryLogReader.Read(content, file);

        // On a case-insensitive file system "Veran" and "veran" share a file; each sees only its own records.
        var own = records.Where(r => string.Equals(r.Model.Name, modelName, StringComparison.Ordinal)).ToList();
        return new RegistryResult<IReadOnlyList<RegistryRecord>>(own, warnings);
    }

    // A registry path that names a file (a typo, a file where the folder should be) must not read as
    // an empty registry: "none" and "never gated" would be wrong answers, not missing ones.
    private void EnsureFolder()
    {
        var kind = FileKinds.Of(Folder);
        if (kind is FileKind.Regular or FileKind.Special || (kind == FileKind.Link && !Directory.Exists(Folder) && File.Exists(Folder)))
        {
            throw new QualityGatesException(ErrorCodes.RegistryUnavailable,
                $"The registry folder '{Folder}' is {(kind == FileKind.Link ? "a link to a file" : FileKinds.Describe(kind))}, not a folder.", Folder);
        }
    }

    private static QualityGatesException Unavailable(string file, string message, Exception inner) =>
        new(ErrorCodes.RegistryUnavailable, message, file, inner: inner);
}
