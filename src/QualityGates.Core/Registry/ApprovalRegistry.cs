using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Registry.Deployment;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// The approval registry: approvals, rejections and blocked gate runs of model versions per context,
/// kept append-only in a folder of JSON Lines files (<c>&lt;folder&gt;/&lt;model&gt;.jsonl</c>) or in a
/// PostgreSQL database (see docs/registry.md). Nothing is ever rewritten or deleted; the latest decision
/// in the order appended is the one in effect. Safe for many processes at once. Queries skip torn or
/// corrupt records and return a warning for each.
/// </summary>
internal sealed class ApprovalRegistry
{
    private readonly IRegistryStore _store;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;

    /// <param name="registry">
    /// The registry folder, or a PostgreSQL database (<c>postgresql://user@host/db</c> or <c>Host=…;Database=…</c>, the
    /// password from <c>QUALITYGATES_REGISTRY_PASSWORD</c> or <c>PGPASSWORD</c>); null means <c>QUALITYGATES_REGISTRY</c> or
    /// <c>models/registry</c> (see <see cref="RegistryLocation"/>). A connection string holding a password is refused (QG3023).
    /// </param>
    /// <param name="time">The clock records are stamped with.</param>
    /// <param name="environment">Reads environment variables, for the registry, its password and the default user.</param>
    /// <param name="lockTimeout">How long a read or append of the folder store waits for other writers.</param>
    public ApprovalRegistry(string? registry = null, TimeProvider? time = null, Func<string, string?>? environment = null, TimeSpan? lockTimeout = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _time = time ?? TimeProvider.System;
        _store = RegistryLocation.Open(RegistryLocation.Resolve(registry, _environment), _environment, lockTimeout);
    }

    /// <summary>Where the registry is, as logs and reports show it: the folder's full path, or <c>postgresql://user@host:port/database</c> (never a password).</summary>
    public string Location => _store.Location;

    /// <summary>True when the registry is a PostgreSQL database.</summary>
    public bool IsDatabase => _store is Postgres.PostgresRegistryStore;

    /// <summary>Where <paramref name="modelName"/>'s records are: its file, or the database; throws QG3004 for a name that cannot be a file name.</summary>
    public string FileFor(string modelName) => _store.LocationOf(modelName);

    /// <summary>
    /// Creates or migrates a database registry's schema to the version this build knows (safe from many
    /// agents at once); the versions before and after. A folder needs none: (0, 0). QG3022 when the database
    /// is newer; QG3020/QG3021 when it cannot be reached.
    /// </summary>
    public (int Before, int After) Migrate() => _store is Postgres.PostgresRegistryStore database ? database.Migrate() : (0, 0);

    /// <summary>
    /// Copies every record of every model into <paramref name="destination"/>, in order, with ids and
    /// timestamps unchanged; records the destination already holds (same id) are skipped, so a copy can be
    /// run again. Each record the destination refuses is reported in the result and the copy goes on; only
    /// a registry that cannot be used at all stops it (<see cref="RegistryCopyResult.Stopped"/>).
    /// </summary>
    public RegistryCopyResult CopyTo(ApprovalRegistry destination) => RegistryCopier.Copy(_store, destination._store);

    /// <summary>
    /// Approves a version for a context by hand. A null <c>approvedBy</c> (here and in every method
    /// below) means the CI or OS user (<see cref="RegistryUser"/>). Refused (QG3030) when the version's
    /// latest gate run in the context was blocked: that needs <see cref="ApproveOverridingBlock"/>.
    /// </summary>
    public RegistryRecord Approve(ModelIdentity model, DeploymentContext context, string? approvedBy = null, string? notes = null)
    {
        var checkedNotes = RegistryText.Notes(notes, "The notes");
        return ApproveChecked(model, context, overrideReason: null, report: null,
            checkedModel => NewRecord(RegistryRecordKind.Approved, checkedModel, context, approvedBy, "approved by") with { Notes = checkedNotes });
    }

    /// <summary>
    /// Approves a version for a context by hand although its latest gate run there was blocked, recording
    /// why (<see cref="RegistryRecord.Override"/>), so the history, the status and <c>can-deploy</c> show the
    /// approval as an override. Refused (QG3031) when the latest gate run there was not blocked: there is
    /// nothing to override.
    /// </summary>
    public RegistryRecord ApproveOverridingBlock(ModelIdentity model, DeploymentContext context, string reason, string? approvedBy = null, string? notes = null)
    {
        var checkedReason = RegistryText.Reason(reason, "The override reason");
        var checkedNotes = RegistryText.Notes(notes, "The notes");
        return ApproveChecked(model, context, checkedReason, report: null,
            checkedModel => NewRecord(RegistryRecordKind.Approved, checkedModel, context, approvedBy, "approved by") with { Notes = checkedNotes });
    }

    /// <summary>
    /// Approves the version a gate run judged, in the context it ran for. Refused (QG3003) when the report
    /// names no model, and (QG3002) when it did not pass or judged no check. For the MSBuild task and other
    /// callers that hold the report in memory; <c>reportFile</c> names the JSON report written for the
    /// run, recorded with the approval.
    /// </summary>
    public RegistryRecord ApproveFromReport(QualityGateReport report, string? approvedBy = null, string? notes = null, string? reportFile = null)
    {
        var model = ReportApprovalRules.Check(reportFile, report.Model, report.Context, report.Checks, null, null);
        return Append(NewRecord(RegistryRecordKind.Approved, model, report.Context, approvedBy, "approved by") with
        {
            Notes = RegistryText.Notes(notes, "The notes"),
            Report = ReportReference.From(report, reportFile),
        });
    }

    /// <summary>
    /// Approves from a saved JSON report (<c>report-*.json</c>, <c>latest.json</c>). Refused (QG3003) when the
    /// report is for another model, version or context than expected, or names no model; (QG3002) when it
    /// did not pass. A file that is not a readable report gives the reader's QG1xxx code. A null
    /// <c>expectedModel</c> or <c>expectedContext</c> takes the report's.
    /// </summary>
    public RegistryRecord ApproveFromReportFile(
        string reportFile,
        ModelIdentity? expectedModel = null,
        DeploymentContext? expectedContext = null,
        string? approvedBy = null,
        string? notes = null) =>
        ApproveFromReportFile(reportFile, expectedModel, expectedContext, approvedBy, notes, overrideReason: null);

    /// <summary>
    /// As <see cref="ApproveFromReportFile(string, ModelIdentity?, DeploymentContext?, string?, string?)"/>; a saved
    /// report no newer than the version's latest, blocked gate run in the context is an older run, so approving
    /// from it needs <paramref name="overrideReason"/> (QG3030 without it), and that reason is refused (QG3031)
    /// when there is no such block.
    /// </summary>
    public RegistryRecord ApproveFromReportFile(
        string reportFile,
        ModelIdentity? expectedModel,
        DeploymentContext? expectedContext,
        string? approvedBy,
        string? notes,
        string? overrideReason)
    {
        var saved = JsonReportReader.Read(Path.GetFullPath(reportFile));
        var model = ReportApprovalRules.Check(reportFile, saved.Model, saved.Context, saved.Checks, expectedModel, expectedContext);
        var checkedNotes = RegistryText.Notes(notes, "The notes");
        var checkedReason = overrideReason is null ? null : RegistryText.Reason(overrideReason, "The override reason");
        var report = ReportReference.From(saved);
        return ApproveChecked(model, saved.Context, checkedReason, report,
            checkedModel => NewRecord(RegistryRecordKind.Approved, checkedModel, saved.Context, approvedBy, "approved by") with { Notes = checkedNotes, Report = report });
    }

    /// <summary>Rejects a version for a context; it may not be deployed there until approved again.</summary>
    public RegistryRecord Reject(ModelIdentity model, DeploymentContext context, string reason, string? rejectedBy = null, string? notes = null) =>
        Append(NewRecord(RegistryRecordKind.Rejected, model, context, rejectedBy, "rejected by") with
        {
            Reason = RegistryText.Reason(reason, "The rejection reason"),
            Notes = RegistryText.Notes(notes, "The notes"),
        });

    /// <summary>
    /// Records a blocked gate run (a failed check) for the report's model and context: a decision like a
    /// rejection, whose reason lists the failed gates, so an earlier approval of the same version no longer holds.
    /// </summary>
    /// <exception cref="ArgumentException">The report passed: there is nothing to record as blocked.</exception>
    public RegistryRecord RecordBlocked(QualityGateReport report, string? reportFile = null, string? recordedBy = null)
    {
        if (report.AllPassed)
        {
            throw new ArgumentException("The report passed; only a blocked run can be recorded as blocked.", nameof(report));
        }

        var model = ReportApprovalRules.CheckNamed(reportFile, report.Model);
        var failed = report.Checks.Where(c => c.Status == GateStatus.Failed).Select(c => c.Code is null ? c.Gate : $"{c.Gate} ({c.Code})");
        return Append(NewRecord(RegistryRecordKind.Blocked, model, report.Context, recordedBy, "recorded by") with
        {
            Reason = "Gate failed: " + string.Join(", ", failed),
            Report = ReportReference.From(report, reportFile),
        });
    }

    /// <summary>The latest decision about the version in one context.</summary>
    public RegistryResult<ContextStatus> GetStatus(ModelIdentity model, DeploymentContext context)
    {
        model = Checked(model);
        var (ledger, warnings) = ReadLedger(model.Name);
        return new(new ContextStatus(context, ledger.LatestDecision(model.Version, context)), warnings);
    }

    /// <summary>The latest decision about the version in every context (development, staging, production).</summary>
    public RegistryResult<IReadOnlyList<ContextStatus>> GetStatus(ModelIdentity model)
    {
        model = Checked(model);
        var (ledger, warnings) = ReadLedger(model.Name);
        return new(ledger.Status(model.Version), warnings);
    }

    /// <summary>Every record about the version, oldest first.</summary>
    public RegistryResult<IReadOnlyList<RegistryRecord>> GetHistory(ModelIdentity model)
    {
        model = Checked(model);
        var (ledger, warnings) = ReadLedger(model.Name);
        return new(ledger.Records.Where(r => string.Equals(r.Model.Version, model.Version, StringComparison.Ordinal)).ToList(), warnings);
    }

    /// <summary>Every record about every version of the model, oldest first.</summary>
    public RegistryResult<IReadOnlyList<RegistryRecord>> GetHistory(string modelName)
    {
        var (ledger, warnings) = ReadLedger(modelName);
        return new(ledger.Records, warnings);
    }

    /// <summary>The versions approved for the context and not later rejected, blocked or rolled back there, newest approval first.</summary>
    public RegistryResult<IReadOnlyList<ApprovedVersion>> GetApprovedVersions(string modelName, DeploymentContext context)
    {
        var (ledger, warnings) = ReadLedger(modelName);
        return new(ledger.ApprovedVersions(context), warnings);
    }

    /// <summary>The models that have records, in ordinal order.</summary>
    internal IReadOnlyList<string> ModelNames() => _store.ModelNames();

    internal (ModelLedger Ledger, IReadOnlyList<RegistryWarning> Warnings) ReadLedger(string modelName)
    {
        var read = _store.Read(ModelIdentity.ParseName(modelName, "The model name"));
        return (new ModelLedger(read.Value), read.Warnings);
    }

    /// <summary>Reads the records of the model version and appends what <paramref name="decide"/> makes of them, with no other append in between (throw to refuse).</summary>
    internal RegistryRecord AppendChecked(ModelIdentity model, Func<ModelLedger, RegistryRecord> decide) =>
        _store.AppendChecked(model.Name, model.Version, records => decide(new ModelLedger(records)));

    /// <summary>
    /// Appends the approval <paramref name="build"/> makes, in one step with the check that guards it: over a
    /// blocked gate run only with an override reason, and an override only over a blocked gate run.
    /// </summary>
    private RegistryRecord ApproveChecked(ModelIdentity model, DeploymentContext context, string? overrideReason, ReportReference? report, Func<ModelIdentity, RegistryRecord> build)
    {
        var checkedModel = Checked(model);
        _store.LocationOf(checkedModel.Name);
        return AppendChecked(checkedModel, ledger =>
        {
            BlockOverride.Check(ledger, checkedModel, context, overrideReason, report);
            return build(checkedModel) with { Override = overrideReason };
        });
    }

    internal RegistryRecord NewRecord(RegistryRecordKind kind, ModelIdentity model, DeploymentContext context, string? by, string byWhat)
    {
        // Validate before stamping, so a refused record leaves no trace, not even on the clock.
        var checkedModel = Checked(model);
        _store.LocationOf(checkedModel.Name);
        var checkedBy = RegistryText.Name(RegistryUser.Resolve(by, _environment), $"The {byWhat} value");
        return new RegistryRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = kind,
            Timestamp = WholeMilliseconds(_time.GetUtcNow()),
            Model = checkedModel,
            Context = context,
            By = checkedBy,
        };
    }

    // Records keep milliseconds (the JSON format's precision), so a record reads back as it was written, in either store.
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));

    /// <summary>The model with <see cref="ModelIdentity"/>'s rules applied (QG0005), for identities built without <see cref="ModelIdentity.Parse"/>.</summary>
    internal static ModelIdentity Checked(ModelIdentity model) => ModelIdentity.Create(model.Name, model.Version, "The model");

    internal RegistryRecord Append(RegistryRecord record) => _store.Append(record);
}
