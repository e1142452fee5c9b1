using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Support;

/// <summary>
/// The test assembly's entry point (GenerateProgramFile is off): the test runner never calls it, but
/// <see cref="ChildProcess"/> starts the assembly with <c>dotnet exec</c> to get real separate
/// processes for the parallel-writer tests.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            // append-blocks <log> <count> <writer>: appends <count> block lines, each naming model p<writer>:v<i>.
            case ["append-blocks", var log, var count, var writer]:
                var blockLog = new BlockLog(log, TimeSpan.FromSeconds(60));
                for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
                {
                    blockLog.Append(SampleReports.Failing() with { Model = new ModelIdentity("p" + writer, "v" + i) });
                }

                return 0;

            // write-reports <folder> <count>: writes <count> report sets into <folder>, all with the same timestamp.
            case ["write-reports", var folder, var count]:
                var files = new ReportFileSet(folder, TimeSpan.FromSeconds(60));
                for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
                {
                    files.Write(SampleReports.Passing());
                }

                return 0;

            default:
                Console.Error.WriteLine("usage: append-blocks <log> <count> <writer> | write-reports <folder> <count>");
                return 2;
        }
    }
}
