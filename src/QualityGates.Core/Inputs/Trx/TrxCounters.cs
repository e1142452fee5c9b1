using System.Xml;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// The figures of <c>ResultSummary/Counters</c>. An attribute the file leaves out is null and not checked.
/// VSTest writes no skipped counter and leaves <c>notExecuted</c> at 0, so skipped is <c>total - executed</c>.
/// </summary>
internal sealed record TrxCounters(int? Total, int? Executed, int? Passed, int? Failed, int? Timeout, int? Error, int Line)
{
    private static readonly HashSet<string> CounterNames = new(StringComparer.Ordinal)
    {
        "total", "executed", "passed", "failed", "error", "timeout", "aborted", "inconclusive",
        "passedButRunAborted", "notRunnable", "notExecuted", "disconnected", "warning", "completed",
        "inProgress", "pending",
    };

    /// <summary>Reads the element under <paramref name="reader"/>; every counter present must be a whole number ≥ 0.</summary>
    public static TrxCounters Read(XmlReader reader, string path)
    {
        var line = XmlInput.LineOf(reader);
        int? total = null, executed = null, passed = null, failed = null, timeout = null, error = null;

        // All sixteen counters are validated, not only the four compared: a negative "timeout" is as
        // wrong as a negative "total" and says the file is not what VSTest wrote.
        while (reader.MoveToNextAttribute())
        {
            if (reader.NamespaceURI.Length != 0 || !CounterNames.Contains(reader.LocalName))
            {
                continue;
            }

            var count = TrxValueParser.Count(reader.Value, reader.LocalName, path, line);
            switch (reader.LocalName)
            {
                case "total": total = count; break;
                case "executed": executed = count; break;
                case "passed": passed = count; break;
                case "failed": failed = count; break;
                case "timeout": timeout = count; break;
                case "error": error = count; break;
            }
        }

        reader.MoveToElement();
        return new TrxCounters(total, executed, passed, failed, timeout, error, line);
    }

    /// <summary>The counters as they read in the file, for error messages.</summary>
    public string Describe() =>
        $"total={Show(Total)} executed={Show(Executed)} passed={Show(Passed)} failed={Show(Failed)}"
        + (Timeout > 0 ? $" timeout={Show(Timeout)}" : string.Empty);

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(absent)";
}
