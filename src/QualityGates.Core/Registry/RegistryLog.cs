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
        try
        {
            Directory.CreateDirectory(Folder);
            JsonLinesFile.Append(file, RegistryRecordJson.ToLine(record), lockTimeout);
        }
        catch (QualityGatesException ex)
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
        byte[]? content;
        try
        {
            content = JsonLinesFile.ReadAll(file, lockTimeout);
        }
        catch (QualityGatesException ex)
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

    private static QualityGatesException Unavailable(string file, string message, Exception inner) =>
        new(ErrorCodes.RegistryUnavailable, message, file, inner: inner);
}
