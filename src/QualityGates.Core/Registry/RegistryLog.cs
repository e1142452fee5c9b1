using System.Text;
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
    // How far each file was read, so the next read parses only the lines appended since.
    private readonly Dictionary<string, RegistryFileCursor> _cursors = new(StringComparer.Ordinal);

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
            // No records yet: decide on none (a refusal creates nothing), and write the first line, unless
            // another writer's line came first; then decide again on what is there.
            var first = decide([]);
            var written = false;
            Guarded(file, () => written = JsonLinesFile.AppendToEmpty(file, RegistryRecordJson.ToLine(first), lockTimeout, ErrorCodes.RegistryFileNotRegular));
            if (written)
            {
                return first with { File = file, Line = 0 };
            }
        }

        // The first time, the whole file is read outside the exclusive lock. Inside it, only the last line
        // read before and what follows are read, and of the new lines only those that can concern this
        // version are parsed: other writers wait for an append, not for a file being parsed. The rest of the
        // new lines are read after the lock is released.
        var cursor = Cursor(file);
        if (ResumeAt(cursor) == 0)
        {
            Guarded(file, () => ReadNew(file, cursor));
        }

        bool Concerns(RegistryRecord r) => string.Equals(r.Model.Name, modelName, StringComparison.Ordinal) && string.Equals(r.Model.Version, version, StringComparison.Ordinal);
        var versionBytes = Encoding.UTF8.GetBytes(version);

        // Without a backslash (an escape), a line about this version holds the version's bytes as they are.
        bool MayConcern(ReadOnlyMemory<byte> line) => line.Span.IndexOf(versionBytes) >= 0 || line.Span.IndexOf((byte)'\\') >= 0;
        RegistryRecord? appended = null;
        (long From, byte[] Bytes) read = default;
        string? Decide(long from, byte[] bytes)
        {
            read = (from, bytes);
            var records = from == 0
                ? View(cursor, 0, bytes, view => view.Records.Where(Concerns).ToList())
                : Locked(cursor, c => c.Peek(from, bytes, MayConcern, Concerns)) ?? throw new StaleReadException();
            appended = decide(records!);
            return RegistryRecordJson.ToLine(appended);
        }

        try
        {
            Guarded(file, () => JsonLinesFile.AppendAfterRead(file, ResumeAt(cursor), Decide, lockTimeout, ErrorCodes.RegistryFileNotRegular));
        }
        catch (StaleReadException)
        {
            // Edited since this store read it, not appended to: read it whole.
            Guarded(file, () => JsonLinesFile.AppendAfterRead(file, 0, Decide, lockTimeout, ErrorCodes.RegistryFileNotRegular));
        }

        if (read is { From: > 0, Bytes: { } bytes })
        {
            View(cursor, read.From, bytes, _ => cursor);
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

        return View(Cursor(file), 0, content, view =>
        {
            var warnings = view.Warnings.ToList();
            var own = Own(view.Records, modelName, warnings, null);
            return new RegistryResult<IReadOnlyList<RegistryRecord>>(own, warnings.OrderBy(w => w.Line).ToList());
        })!;
    }

    private RegistryFileCursor Cursor(string file)
    {
        lock (_cursors)
        {
            return _cursors.TryGetValue(file, out var cursor) ? cursor : _cursors[file] = new RegistryFileCursor(file);
        }
    }

    private static long ResumeAt(RegistryFileCursor cursor) => Locked(cursor, c => c.ResumeAt);

    private static T Locked<T>(RegistryFileCursor cursor, Func<RegistryFileCursor, T> use)
    {
        lock (cursor)
        {
            return use(cursor);
        }
    }

    /// <summary>Reads (under a shared lock) and parses what was appended since the cursor's last read.</summary>
    private void ReadNew(string file, RegistryFileCursor cursor)
    {
        try
        {
            var read = JsonLinesFile.ReadFrom(file, ResumeAt(cursor), lockTimeout, ErrorCodes.RegistryFileNotRegular);
            if (read is { } bytes && View(cursor, bytes.From, bytes.Bytes, _ => cursor) is null)
            {
                View(cursor, 0, JsonLinesFile.ReadAll(file, lockTimeout, ErrorCodes.RegistryFileNotRegular) ?? [], _ => cursor);
            }
        }
        catch (QualityGatesException ex) when (ex.Code != ErrorCodes.RegistryFileNotRegular)
        {
            throw Unavailable(file, ex.Message, ex);
        }
    }

    /// <summary>
    /// What <paramref name="use"/> makes of the file's records, read on from the cursor with <paramref name="bytes"/>
    /// (the whole file when <paramref name="from"/> is 0, else the file from there on); default when the file was
    /// edited since the cursor's last read and must be read whole.
    /// </summary>
    private static T? View<T>(RegistryFileCursor cursor, long from, byte[] bytes, Func<RegistryFileCursor.View, T> use)
    {
        lock (cursor)
        {
            return (from == 0 ? cursor.ReadWhole(bytes) : cursor.ReadOn(from, bytes)) is { } view ? use(view) : default;
        }
    }

    /// <summary>
    /// The model's own records of its file (of one version, when given). On a case-insensitive file system
    /// "Veran" and "veran" share a file, and each sees only its own records; a record naming any other model
    /// was put there by hand and is reported as damaged, as the database store reports a row whose record
    /// names another model.
    /// </summary>
    private static List<RegistryRecord> Own(IReadOnlyList<RegistryRecord> records, string modelName, List<RegistryWarning>? warnings, string? version)
    {
        var own = new List<RegistryRecord>();
        foreach (var record in records)
        {
            if (string.Equals(record.Model.Name, modelName, StringComparison.Ordinal))
            {
                if (version is null || string.Equals(record.Model.Version, version, StringComparison.Ordinal))
                {
                    own.Add(record);
                }
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
