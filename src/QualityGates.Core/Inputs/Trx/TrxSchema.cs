namespace QualityGates.Inputs.Trx;

/// <summary>The names the VSTest <c>trx</c> logger writes, in one place so the reader never misspells one.</summary>
internal static class TrxSchema
{
    /// <summary>The only TRX namespace VSTest has written since Visual Studio 2010.</summary>
    public const string Namespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public const string TestRun = "TestRun";
    public const string Times = "Times";
    public const string TestSettings = "TestSettings";
    public const string Results = "Results";
    public const string UnitTestResult = "UnitTestResult";
    /// <summary>An ordered test's result: the same attributes as a UnitTestResult, its steps as InnerResults.</summary>
    public const string TestResultAggregation = "TestResultAggregation";
    public const string Output = "Output";
    public const string ErrorInfo = "ErrorInfo";
    public const string Message = "Message";
    public const string StackTrace = "StackTrace";
    public const string ResultSummary = "ResultSummary";
    public const string Counters = "Counters";
    public const string RunInfo = "RunInfo";
    public const string Text = "Text";
    /// <summary><c>TestSettings/Deployment</c>: its <c>runDeploymentRoot</c> names the run's folder beside the TRX.</summary>
    public const string Deployment = "Deployment";
    /// <summary>A data collector's attachment link (<c>UriAttachment/A</c>), its <c>href</c> relative to the run's <c>In</c> folder.</summary>
    public const string AttachmentLink = "A";

    public const string OutcomeAttribute = "outcome";
    public const string NameAttribute = "name";
    public const string IdAttribute = "id";
    public const string TestNameAttribute = "testName";
    public const string TestIdAttribute = "testId";
    public const string DurationAttribute = "duration";
    public const string StartTimeAttribute = "startTime";
    /// <summary>VSTest marks a data-driven test's parent <c>resultType="DataDrivenTest"</c> once its first row arrives, and each row <c>DataDrivenDataRow</c>.</summary>
    public const string ResultTypeAttribute = "resultType";
    public const string DataDrivenParentType = "DataDrivenTest";
    public const string StartAttribute = "start";
    public const string FinishAttribute = "finish";
    public const string RunDeploymentRootAttribute = "runDeploymentRoot";
    public const string HrefAttribute = "href";
}
