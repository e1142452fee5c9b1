using System.Globalization;
using System.Text;
using System.Xml;

namespace QualityGates.Testing;

/// <summary>
/// Writes a large, VSTest-shaped TRX file (results, definitions, entries, summary with matching Counters)
/// by streaming with <see cref="XmlWriter"/>, for tests and benchmarks of the TRX reader.
/// </summary>
public static class LargeTrxWriter
{
    private const string Namespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private const string TestType = "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b";
    private const string TestListId = "8c84fa94-04c1-424b-9868-57a2d4851a1d";
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The run length written in <c>Times</c> (start to finish).</summary>
    public static readonly TimeSpan RunDuration = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Writes <paramref name="results"/> top-level results to <paramref name="path"/>. Result number i
    /// (1-based) fails when i is a multiple of <paramref name="failedEvery"/>, else is skipped when i is a
    /// multiple of <paramref name="skippedEvery"/>, else passes; 0 means never.
    /// </summary>
    /// <param name="runId">The <c>TestRun id</c>; a fixed one by default, so two files written alike are copies of one run.</param>
    public static void Write(string path, int results, int failedEvery, int skippedEvery = 0, string? runId = null)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), Indent = true };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("TestRun", Namespace);
        writer.WriteAttributeString("id", runId ?? Id(0, 0));
        writer.WriteAttributeString("name", "@vm 2026-11-26 08:00:00");

        writer.WriteStartElement("Times", Namespace);
        writer.WriteAttributeString("creation", Timestamp(RunDuration));
        writer.WriteAttributeString("start", Timestamp(TimeSpan.Zero));
        writer.WriteAttributeString("finish", Timestamp(RunDuration));
        writer.WriteEndElement();

        var passed = 0;
        var failed = 0;
        writer.WriteStartElement("Results", Namespace);
        for (var i = 1; i <= results; i++)
        {
            var outcome = Outcome(i, failedEvery, skippedEvery);
            passed += outcome == "Passed" ? 1 : 0;
            failed += outcome == "Failed" ? 1 : 0;
            WriteResult(writer, i, outcome);
        }

        writer.WriteEndElement();

        WriteDefinitions(writer, results);
        WriteSummary(writer, results, passed, failed);
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    /// <summary>The outcome <see cref="Write"/> gives result number <paramref name="i"/> (1-based).</summary>
    public static string Outcome(int i, int failedEvery, int skippedEvery) =>
        failedEvery > 0 && i % failedEvery == 0 ? "Failed"
        : skippedEvery > 0 && i % skippedEvery == 0 ? "NotExecuted"
        : "Passed";

    /// <summary>The test name <see cref="Write"/> gives result number <paramref name="i"/>.</summary>
    public static string TestName(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"Generated.Tests.Suite{i / 1000:D3}.Case(index: {i}, text: \"row <{i}> & co\")");

    private static void WriteResult(XmlWriter writer, int i, string outcome)
    {
        var started = TimeSpan.FromMilliseconds(i % 80_000);
        writer.WriteStartElement("UnitTestResult", Namespace);
        writer.WriteAttributeString("executionId", Id(1, i));
        writer.WriteAttributeString("testId", Id(2, i));
        writer.WriteAttributeString("testName", TestName(i));
        writer.WriteAttributeString("computerName", "vm");
        writer.WriteAttributeString("duration", TimeSpan.FromTicks(1_000 + i % 5_000).ToString("c", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("startTime", Timestamp(started));
        writer.WriteAttributeString("endTime", Timestamp(started + TimeSpan.FromMilliseconds(1)));
        writer.WriteAttributeString("testType", TestType);
        writer.WriteAttributeString("outcome", outcome);
        writer.WriteAttributeString("testListId", TestListId);
        writer.WriteAttributeString("relativeResultsDirectory", Id(1, i));
        if (outcome != "Passed")
        {
            writer.WriteStartElement("Output", Namespace);
            writer.WriteStartElement("ErrorInfo", Namespace);
            writer.WriteElementString("Message", Namespace, outcome == "Failed"
                ? string.Create(CultureInfo.InvariantCulture, $"Assert.Equal() Failure: Values differ\nExpected: {i}\nActual:   {i + 1}")
                : "generated: skipped");
            if (outcome == "Failed")
            {
                writer.WriteElementString("StackTrace", Namespace,
                    string.Create(CultureInfo.InvariantCulture, $"   at Generated.Tests.Suite{i / 1000:D3}.Case(Int32 index) in /home/runner/work/Generated/Suite.cs:line {i % 500 + 1}"));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteDefinitions(XmlWriter writer, int results)
    {
        writer.WriteStartElement("TestDefinitions", Namespace);
        for (var i = 1; i <= results; i++)
        {
            writer.WriteStartElement("UnitTest", Namespace);
            writer.WriteAttributeString("name", TestName(i));
            writer.WriteAttributeString("storage", "/home/runner/work/generated/bin/debug/net10.0/generated.tests.dll");
            writer.WriteAttributeString("id", Id(2, i));
            writer.WriteStartElement("Execution", Namespace);
            writer.WriteAttributeString("id", Id(1, i));
            writer.WriteEndElement();
            writer.WriteStartElement("TestMethod", Namespace);
            writer.WriteAttributeString("codeBase", "/home/runner/work/Generated/bin/Debug/net10.0/Generated.Tests.dll");
            writer.WriteAttributeString("adapterTypeName", "executor://xunit/VsTestRunner3/netcore/");
            writer.WriteAttributeString("className", string.Create(CultureInfo.InvariantCulture, $"Generated.Tests.Suite{i / 1000:D3}"));
            writer.WriteAttributeString("name", "Case");
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();

        writer.WriteStartElement("TestEntries", Namespace);
        for (var i = 1; i <= results; i++)
        {
            writer.WriteStartElement("TestEntry", Namespace);
            writer.WriteAttributeString("testId", Id(2, i));
            writer.WriteAttributeString("executionId", Id(1, i));
            writer.WriteAttributeString("testListId", TestListId);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteSummary(XmlWriter writer, int results, int passed, int failed)
    {
        writer.WriteStartElement("ResultSummary", Namespace);
        writer.WriteAttributeString("outcome", failed > 0 ? "Failed" : "Completed");
        writer.WriteStartElement("Counters", Namespace);
        writer.WriteAttributeString("total", Number(results));
        writer.WriteAttributeString("executed", Number(passed + failed));
        writer.WriteAttributeString("passed", Number(passed));
        writer.WriteAttributeString("failed", Number(failed));
        foreach (var zero in new[] { "error", "timeout", "aborted", "inconclusive", "passedButRunAborted", "notRunnable", "notExecuted", "disconnected", "warning", "completed", "inProgress", "pending" })
        {
            writer.WriteAttributeString(zero, "0");
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static string Id(int kind, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind:x8}-0000-4000-8000-{i:x12}");

    private static string Timestamp(TimeSpan offset) =>
        (Start + offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
