using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Registry.Deployment;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// The approval registry: approvals, rejections and blocked gate runs of model versions per context,
/// kept as append-only JSON Lines in a folder (<c>&lt;folder&gt;/&lt;model&gt;.jsonl</c>). Nothing is ever
/// rewritten or deleted; the latest decision in file order is the one in effect. Safe for many processes
/// at once. Queries skip torn or corrupt lines and return a warning for each.
/// </summary>
public sealed class ApprovalRegistry
{
    private readonly RegistryLog _log;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;

    /// <param name="folder">The registry folder; null means <c>QUALITYGATES_REGISTRY</c> or <c>models/registry</c> (see <see cref="RegistryLocation"/>).</param>
    /// <param name="time">The clock records are stamped with.</param>
    /// <param name="environment">Reads environment variables, for the folder and the default user.</param>
    /// <param name="lockTimeout">How long a read or append waits for other writers.</param>
    public ApprovalRegistry(string? folder = null, TimeProvider? time = null, Func<string, string?>? environment = null, TimeSpan? lockTimeout = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _time = time ?? TimeProvider.System;
        _log = new RegistryLog(RegistryLocation.Resolve(folder, _environment), lockTimeout);
    }

    /// <summary>The registry folder (full path).</summary>
    public string Folder => _log.Folder;

    /// <summary>The file holding <paramref name="modelName"/>'s records; throws QG3004 for a name that cannot be a file name.</summary>
    public string FileFor(string modelName) => _log.FileFor(modelName);

    /// <summary>
    /// Approves a version for a context by hand. A null <c>approvedBy</c> (here and in every method
    /// below) means the CI or OS user (<see cref="RegistryUser"/>).
    /// </summary>
    public RegistryRecord Approve(ModelIdentity model, DeploymentContext context, string? approvedBy = null, string? notes = null) =>
        Append(NewRecord(RegistryRecordKind.Approved, model, context, approvedBy, "approved by") with { Notes = RegistryText.Notes(notes, "The notes") });

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
        string? notes = null)
    {
        var saved = JsonReportReader.Read(Path.GetFullPath(reportFile));
        var model = ReportApprovalRules.Check(reportFile, saved.Model, saved.Context, saved.Checks, expectedModel, expectedContext);
        return Append(NewRecord(RegistryRecordKind.Approved, model, saved.Context, approvedBy, "approved by") with
        {
            Notes = RegistryText.Notes(notes, "The notes"),
            Report = ReportReference.From(saved),
        });
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

    internal (ModelLedger Ledger, IReadOnlyList<RegistryWarning> Warnings) ReadLedger(string modelName)
    {
        var read = _log.Read(ModelIdentity.ParseName(modelName, "The model name"));
        return (new ModelLedger(read.Value), read.Warnings);
    }

    internal RegistryRecord NewRecord(RegistryRecordKind kind, ModelIdentity model, DeploymentContext context, string? by, string byWhat)
    {
        // Validate before stamping, so a refused record leaves no trace, not even on the clock.
        var checkedModel = Checked(model);
        _log.FileFor(checkedModel.Name);
        var checkedBy = RegistryText.Name(RegistryUser.Resolve(by, _environment), $"The {byWhat} value");
        return new RegistryRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = kind,
            Timestamp = _time.GetUtcNow(),
            Model = checkedModel,
            Context = context,
            By = checkedBy,
        };
    }

    /// <summary>The model with <see cref="ModelIdentity"/>'s rules applied (QG0005), for identities built without <see cref="ModelIdentity.Parse"/>.</summary>
    internal static ModelIdentity Checked(ModelIdentity model) => ModelIdentity.Create(model.Name, model.Version, "The model");

    internal RegistryRecord Append(RegistryRecord record)
    {
        _log.Append(record);
        return record with { File = _log.FileFor(record.Model.Name) };
    }
}
