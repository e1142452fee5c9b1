using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// The folder store: one append-only JSON Lines file per model in one folder. Appends go through
/// <see cref="JsonLinesFile"/> (exclusive lock, one write per line), so parallel processes never lose,
/// duplicate or tear a record; reads take a snapshot between appends.
/// </summary>
internal sealed class RegistryLog(string folder, TimeSpan? lockTimeout) : IRegistryStore
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string Location => Folder;

    public string FileFor(string modelName) => RegistryPaths.FileFor(Folder, modelName);

    public string LocationOf(string modelName) => FileFor(modelName);

    public RegistryRecord Append(RegistryRecord record)
    {
        var file = FileFor(record.Model.Name);
        EnsureFolder();
        Guarded(file, () => JsonLinesFile.Append(file, RegistryRecordJson.ToLine(record), lockTimeout, ErrorCodes.RegistryFileNotRegular));
        return record with { File = file, Line = 0 };
    }

    public RegistryRecord AppendChecked(string modelName, Func<IReadOnlyList<RegistryRecord>, RegistryRecord> decide)
    {
        var file = FileFor(modelName);
        EnsureFolder();
        if (!File.Exists(file))
        {
            // No records yet: nothing another writer could have decided (the first append creates the file).
            return Append(decide([]));
        }

        RegistryRecord? appended = null;
        Guarded(file, () => JsonLinesFile.AppendAfterRead(file, content =>
        {
            appended = decide(Own(RegistryLogReader.Read(content, file).Records, modelName));
            return RegistryRecordJson.ToLine(appended);
        }, lockTimeout, ErrorCodes.RegistryFileNotRegular));
        return appended! with { File = file, Line = 0 };
    }

    public int Import(string modelName, IReadOnlyList<RegistryRecord> records)
    {
        var held = Read(modelName).Value.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var missing = records.Where(r => held.Add(r.Id)).ToList();
        foreach (var record in missing)
        {
            Append(record);
        }

        return missing.Count;
    }

    public IReadOnlyList<string> ModelNames() => !Directory.Exists(Folder) ? [] : Directory
        .EnumerateFiles(Folder, "*" + RegistryPaths.Extension)
        .Select(f => Path.GetFileNameWithoutExtension(f))
        .Order(StringComparer.Ordinal)
        .ToList();

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
        return new RegistryResult<IReadOnlyList<RegistryRecord>>(Own(records, modelName), warnings);
    }

    // On a case-insensitive file system "Veran" and "veran" share a file; each sees only its own records.
    private static List<RegistryRecord> Own(List<RegistryRecord> records, string modelName) =>
        records.Where(r => string.Equals(r.Model.Name, modelName, StringComparison.Ordinal)).ToList();

    private void Guarded(string file, Action write)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            write();
        }
        catch (QualityGatesException ex) when (ex.Code == ErrorCodes.ReportNotWritten)
        {
            throw Unavailable(file, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(file, $"Cannot create the registry folder '{Folder}': {ex.Message}", ex);
        }
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
