using System.Xml;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Streams one TRX file once, front to back, with a forward-only reader: no result's text is held however many
/// results the file has (a retried test's attempts are recognised from a small entry per result). Only top-level <c>Results/UnitTestResult</c> elements are tests; the
/// <c>InnerResults</c> of a data-driven MSTest test are its rows, already summed up in the parent's outcome.
/// (An ordered test's <c>TestResultAggregation</c> is read the same way as a <c>UnitTestResult</c>.) Attempts of a
/// retried test the file shows count once (<see cref="TrxAttemptChains"/>).
/// </summary>
internal sealed class TrxFileScanner
{
    private readonly string path;
    private readonly XmlReader reader;
    private readonly TrxFileAccumulator run;

    // Local name of the current element's ancestors, by depth ("" for elements outside the TRX namespace).
    private readonly List<string> ancestors = new();

    // The failed top-level result whose details are being collected (its message comes later in the file).
    private string? failedTestName;
    private TrxTestKey? failedTestKey;
    private int failedTestDepth;
    private string? ownMessage;
    private string? innerMessage;
    private string? stackTrace;

    private bool inErrorRunInfo;

    // The writer's marks, read before the ResultSummary (see TrxProducerDetector).
    private string? runName;
    private string? testSettingsId;

    private TrxFileScanner(string path, XmlReader reader, int failedTestBudget, List<TrxResultRow>? rows)
    {
        this.path = path;
        this.reader = reader;
        run = new TrxFileAccumulator(path, failedTestBudget) { Rows = rows };
    }

    /// <summary>Reads <paramref name="path"/>, keeping at most <paramref name="failedTestBudget"/> failed tests' details.</summary>
    public static TestRunSummary Scan(string path, int failedTestBudget) => ScanFile(path, failedTestBudget).Summary;

    /// <summary>
    /// As <see cref="Scan"/>, with what else the file says of its run: its writer and start, and, when
    /// <paramref name="rows"/> is given, every top-level result added to it.
    /// </summary>
    public static TrxScan ScanFile(string path, int failedTestBudget, List<TrxResultRow>? rows = null)
    {
        using var stream = InputFile.OpenRead(path);
        using var reader = XmlInput.CreateReader(stream);
        try
        {
            var scanner = new TrxFileScanner(path, reader, failedTestBudget, rows);
            var summary = scanner.ScanAll();
            return new TrxScan(summary, scanner.run.Producer, scanner.run.Times?.Start);
        }
        catch (XmlException ex)
        {
            throw XmlInput.Malformed(path, ex);
        }
    }

    private TestRunSummary ScanAll()
    {
        ExpectTestRunRoot();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                OnElement();
            }
        }

        KeepFailedTest();
        return run.Finish();
    }

    private void ExpectTestRunRoot()
    {
        reader.MoveToContent();
        if (reader.LocalName != TrxSchema.TestRun || reader.NamespaceURI != TrxSchema.Namespace)
        {
            var line = XmlInput.LineOf(reader);
            var found = reader.NamespaceURI.Length == 0 ? $"<{reader.LocalName}>" : $"<{reader.LocalName}> in namespace '{reader.NamespaceURI}'";
            throw new QualityGatesException(ErrorCodes.WrongFileKind,
                $"'{path}' (line {line}) is not a TRX file: its root element is {found}, not <{TrxSchema.TestRun}> in namespace '{TrxSchema.Namespace}'.",
                path, line);
        }

        runName = reader.GetAttribute(TrxSchema.NameAttribute);
        run.RunId = reader.GetAttribute(TrxSchema.IdAttribute);
        ancestors.Add(TrxSchema.TestRun);
    }

    private void OnElement()
    {
        var depth = reader.Depth;
        var name = reader.NamespaceURI == TrxSchema.Namespace ? reader.LocalName : string.Empty;
        if (depth < ancestors.Count)
        {
            ancestors[depth] = name;
        }
        else
        {
            ancestors.Add(name);
        }

        switch (name)
        {
            case TrxSchema.TestSettings when depth == 1:
                testSettingsId = reader.GetAttribute(TrxSchema.IdAttribute);
                break;
            case TrxSchema.Times when depth == 1:
                ReadTimes();
                break;
            case TrxSchema.UnitTestResult or TrxSchema.TestResultAggregation when depth >= 2 && ancestors[1] == TrxSchema.Results:
                ReadResult(depth);
                break;
            case TrxSchema.Message when failedTestName is not null && depth > failedTestDepth &&
                                        ParentIs(depth, depth - 1, TrxSchema.ErrorInfo) && ParentIs(depth, depth - 2, TrxSchema.Output):
                ReadFailureMessage(depth);
                break;
            case TrxSchema.StackTrace when failedTestName is not null && depth == failedTestDepth + 3 && stackTrace is null &&
                                           ParentIs(depth, depth - 1, TrxSchema.ErrorInfo) && ParentIs(depth, depth - 2, TrxSchema.Output):
                stackTrace = BoundedXmlText.ReadElement(reader, TrxReader.MaxStackTraceLength);
                break;
            case TrxSchema.ResultSummary when depth == 1:
                KeepFailedTest();
                run.RunOutcome = reader.GetAttribute(TrxSchema.OutcomeAttribute);
                run.Producer = TrxProducerDetector.Detect(runName, testSettingsId, run.RunOutcome);
                break;
            case TrxSchema.Counters when depth == 2 && ancestors[1] == TrxSchema.ResultSummary:
                run.Counters = TrxCounters.Read(reader, path);
                break;
            case TrxSchema.RunInfo when depth > 1 && ancestors[1] == TrxSchema.ResultSummary:
                inErrorRunInfo = string.Equals(reader.GetAttribute(TrxSchema.OutcomeAttribute), "Error", StringComparison.OrdinalIgnoreCase);
                break;
            case TrxSchema.Deployment:
                run.DeploymentRoot ??= reader.GetAttribute(TrxSchema.RunDeploymentRootAttribute);
                break;
            case TrxSchema.AttachmentLink when reader.GetAttribute(TrxSchema.HrefAttribute) is { } href:
                run.AddAttachment(href);
                break;
            case TrxSchema.Text when inErrorRunInfo && ParentIs(depth, depth - 1, TrxSchema.RunInfo):
                run.AddRunError(BoundedXmlText.ReadElement(reader, TrxReader.MaxMessageLength));
                inErrorRunInfo = false;
                break;
        }
    }

    private bool ParentIs(int depth, int ancestorDepth, string name) =>
        ancestorDepth >= 0 && ancestorDepth < depth && ancestors[ancestorDepth] == name;

    private void ReadTimes()
    {
        var start = reader.GetAttribute(TrxSchema.StartAttribute);
        var finish = reader.GetAttribute(TrxSchema.FinishAttribute);
        if (start is null || finish is null)
        {
            return; // the summed result durations stand in
        }

        var line = XmlInput.LineOf(reader);
        var started = TrxValueParser.Timestamp(start, TrxSchema.StartAttribute, path, line);
        var finished = TrxValueParser.Timestamp(finish, TrxSchema.FinishAttribute, path, line);
        if (finished < started)
        {
            throw TrxValueParser.OutOfRange(path, line, $"Times finish '{finish}' is earlier than start '{start}'");
        }

        run.Times = (started, finished);
    }

    private void ReadResult(int depth)
    {
        var line = XmlInput.LineOf(reader);
        var outcome = reader.GetAttribute(TrxSchema.OutcomeAttribute);
        if (!TrxOutcomeClassifier.TryClassify(outcome, out var kind))
        {
            throw TrxValueParser.OutOfRange(path, line,
                outcome is null ? "UnitTestResult has no outcome" : $"UnitTestResult outcome '{outcome}' is not a TRX outcome");
        }

        var topLevel = depth == 2;
        var duration = topLevel ? TrxValueParser.Duration(reader.GetAttribute(TrxSchema.DurationAttribute), path, line) : TimeSpan.Zero;
        var testId = topLevel ? reader.GetAttribute(TrxSchema.TestIdAttribute) : null;
        var testName = topLevel ? reader.GetAttribute(TrxSchema.TestNameAttribute) : null;
        var result = new TrxResult(outcome!, testId, testName, duration, topLevel ? StartOf() : null,
            reader.GetAttribute(TrxSchema.ResultTypeAttribute) == TrxSchema.DataDrivenParentType);
        if (topLevel)
        {
            // The previous test's details are complete; kept before this result counts, as it may be its retry.
            KeepFailedTest();
        }

        var counted = run.CountResult(result, kind, topLevel);
        if (!topLevel)
        {
            return;
        }

        if (counted && kind == TrxOutcomeKind.Failed && run.KeepsFailedTestDetails)
        {
            failedTestName = BoundedXmlText.Truncate(testName ?? testId ?? "(unnamed test)", TrxReader.MaxMessageLength);
            failedTestKey = result.Key;
            failedTestDepth = depth;
        }
    }

    /// <summary>The result's <c>startTime</c>, or null when it has none or one that is not a date (it only orders a retried test's attempts).</summary>
    private DateTimeOffset? StartOf() =>
        DateTimeOffset.TryParse(reader.GetAttribute(TrxSchema.StartTimeAttribute), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var start) ? start : null;

    private void ReadFailureMessage(int depth)
    {
        // The result's own Output/ErrorInfo/Message wins; a data-driven parent without one shows its first row's.
        var own = depth == failedTestDepth + 3;
        if (own ? ownMessage is null : innerMessage is null)
        {
            var message = BoundedXmlText.ReadElement(reader, TrxReader.MaxMessageLength);
            if (own)
            {
                ownMessage = message;
            }
            else
            {
                innerMessage = message;
            }
        }
    }

    private void KeepFailedTest()
    {
        if (failedTestName is null)
        {
            return;
        }

        run.AddFailedTest(failedTestKey, failedTestName, ownMessage ?? innerMessage ?? string.Empty, string.IsNullOrWhiteSpace(stackTrace) ? null : stackTrace);
        failedTestName = null;
        failedTestKey = null;
        stackTrace = null;
        ownMessage = null;
        innerMessage = null;
    }
}

/// <summary>One TRX file read: its summary, its writer, and the start of its run (<c>Times/@start</c>) when it has one.</summary>
internal sealed record TrxScan(TestRunSummary Summary, TrxProducer Producer, DateTimeOffset? Start);
