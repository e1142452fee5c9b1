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
    // What was last read of each file, so the next read parses only the lines appended since.
    private readonly Dictionary<string, RegistryLogReader.ReadState> _parsed = new(StringComparer.Ordinal);

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

    public RegistryRecord AppendChecked(string modelName, string version, Func<IReadOnlyList<RegistryRecord>, RegistryRecord> decide)
    {
        var file = FileFor(modelName);
        EnsureFolder();
        if (!File.Exists(file))
        {
            // No records yet: nothing another writer could have decided (the first append creates the file).
            return Append(decide([]));
        }

        // The first time, read and parse outside the exclusive lock. Inside it, only the last line read
        // before and what follows are read (that line, with its unique id, shows the file was only appended
        // to since), and only the new lines are parsed: other writers wait for an append, not for a whole
        // file being read and parsed.
        if (State(file) is null)
        {
            Read(modelName);
        }

        var before = State(file);
        RegistryRecord? appended = null;
        string? Decide(long from, byte[] bytes)
        {
            var (records, _) = from == 0 ? Parse(file, bytes) : ParseOn(file, before!, bytes) ?? throw new StaleReadException();
            appended = decide(Own(records, modelName, null).Where(r => string.Equals(r.Model.Version, version, StringComparison.Ordinal)).ToList());
            return RegistryRecordJson.ToLine(appended);
        }

        try
        {
            Guarded(file, () => JsonLinesFile.AppendAfterRead(file, before?.LastLineStart ?? 0, Decide, lockTimeout, ErrorCodes.RegistryFileNotRegular));
        }
        catch (StaleReadException)
        {
            // Edited since this store read it, not appended to: read it whole.
            Guarded(file, () => JsonLinesFile.AppendAfterRead(file, 0, Decide, lockTimeout, ErrorCodes.RegistryFileNotRegular));
        }

        return appended! with { File = file, Line = 0 };
    }

    public RegistryImport Import(string modelName, IReadOnlyList<RegistryRecord> records)
    {
        var held = Read(modelName).Value.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var added = 0;
        var refused = new List<RegistryRefusal>();
        foreach (var record in records)
        {
            if ((RegistryImport.Refusal(record) ?? (held.TryGetValue(record.Id, out var same)
                    ? RegistryImport.Conflict(record, (same.Model.Name, same.KindName, same.Model.Version, same.ContextName)) : null)) is { } refusal)
            {
                refused.Add(refusal);
            }
            else if (held.TryAdd(record.Id, record))
            {
                Append(record);
                added++;
            }
        }

        return new RegistryImport(added, refused);
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

        var (records, warnings) = Parse(file, content);
        var own = Own(records, modelName, warnings);
        return new RegistryResult<IReadOnlyList<RegistryRecord>>(own, warnings.OrderBy(w => w.Line).ToList());
    }

    private RegistryLogReader.ReadState? State(string file)
    {
        lock (_parsed)
        {
            return _parsed.GetValueOrDefault(file);
        }
    }

    /// <summary>The file's records and warnings from <paramref name="bytes"/>, the file from the start of the last line <paramref name="before"/> read; null when that line is not there any more.</summary>
    private (List<RegistryRecord> Records, List<RegistryWarning> Warnings)? ParseOn(string file, RegistryLogReader.ReadState before, byte[] bytes)
    {
        var read = RegistryLogReader.ReadOn(bytes, file, before, out var after);
        if (after is not null)
        {
            Remember(file, after);
        }

        return read;
    }

    private void Remember(string file, RegistryLogReader.ReadState state)
    {
        lock (_parsed)
        {
            _parsed[file] = state;
        }
    }

    /// <summary>The file's records and warnings, parsing only what was appended since this store last read it (when the file still starts with what it read then).</summary>
    private (List<RegistryRecord> Records, List<RegistryWarning> Warnings) Parse(string file, byte[] content)
    {
        RegistryLogReader.ReadState? before;
        lock (_parsed)
        {
            before = _parsed.GetValueOrDefault(file);
        }

        var read = RegistryLogReader.Read(content, file, before, out var after);
        Remember(file, after);
        return read;
    }

    /// <summary>
    /// The model's own records of its file. On a case-insensitive file system "Veran" and "veran" share a
    /// file, and each sees only its own records; a record naming any other model was put there by hand and
    /// is reported as damaged, as the database store reports a row whose record names another model.
    /// </summary>
    private static List<RegistryRecord> Own(List<RegistryRecord> records, string modelName, List<RegistryWarning>? warnings)
    {
        var own = new List<RegistryRecord>();
        foreach (var record in records)
        {
            if (string.Equals(record.Model.Name, modelName, StringComparison.Ordinal))
            {
                own.Add(record);
            }
            else if (!string.Equals(record.Model.Name, modelName, StringComparison.OrdinalIgnoreCase))
            {
                warnings?.Add(new RegistryWarning(record.File!, record.Line,
                    $"The line is not a valid registry record and is skipped: it names the model '{record.Model.Name}' in the file of model '{modelName}'."));
            }
        }

        return own;
    }

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

    private sealed class StaleReadException : Exception;
}
