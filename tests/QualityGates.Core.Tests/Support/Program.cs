using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Registry.Deployment;
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

            // registry-records <folder> <count> <writer>: <count> decisions on model "race", version w<writer>-<i>,
            // alternating approvals and rejections over the three contexts.
            case ["registry-records", var folder, var count, var writer]:
                var registry = new ApprovalRegistry(folder, lockTimeout: TimeSpan.FromSeconds(60));
                for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
                {
                    var model = new ModelIdentity("race", $"w{writer}-{i}");
                    var context = (DeploymentContext)(i % 3);
                    if (i % 2 == 0)
                    {
                        registry.Approve(model, context, "writer-" + writer, $"record {i} of writer {writer}");
                    }
                    else
                    {
                        registry.Reject(model, context, $"record {i} of writer {writer}", "writer-" + writer);
                    }
                }

                return 0;

            // registry-mixed <registry> <count> <writer>: <count> operations on model "race", in threes: approve
            // version w<writer>-<i> for staging, deploy it to target t<writer>, reject it for production.
            case ["registry-mixed", var setting, var count, var writer]:
                var mixed = new ApprovalRegistry(setting, lockTimeout: TimeSpan.FromSeconds(60));
                var deployments = new DeploymentController(mixed);
                for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
                {
                    var model = new ModelIdentity("race", $"w{writer}-{i / 3}");
                    _ = (i % 3) switch
                    {
                        0 => mixed.Approve(model, DeploymentContext.Staging, "writer-" + writer, $"operation {i} of writer {writer}"),
                        1 => deployments.Deploy(model, DeploymentContext.Staging, "t" + writer, "writer-" + writer, $"operation {i} of writer {writer}"),
                        _ => mixed.Reject(model, DeploymentContext.Production, $"operation {i} of writer {writer}", "writer-" + writer),
                    };
                }

                return 0;

            // registry-reader <folder> <expected>: reads the "race" history until it holds <expected> records;
            // exit 3 if any read saw a torn or corrupt line.
            case ["registry-reader", var folder, var expected]:
                var reader = new ApprovalRegistry(folder, lockTimeout: TimeSpan.FromSeconds(60));
                var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
                var counts = new List<int>();
                while (DateTime.UtcNow < deadline)
                {
                    var history = reader.GetHistory("race");
                    counts.Add(history.Value.Count);
                    if (history.Warnings.Count > 0)
                    {
                        Console.Error.WriteLine($"read {history.Value.Count} records and a warning: line {history.Warnings[0].Line}: {history.Warnings[0].Message}");
                        return 3;
                    }

                    if (history.Value.Count >= int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture))
                    {
                        Console.WriteLine($"{counts.Count} reads saw {string.Join(", ", counts)} records");
                        return 0;
                    }

                    Thread.Sleep(50);
                }

                return 4;

            default:
                Console.Error.WriteLine("usage: append-blocks <log> <count> <writer> | write-reports <folder> <count> | registry-records <folder> <count> <writer> | registry-mixed <registry> <count> <writer> | registry-reader <folder> <expected>");
                return 2;
        }
    }
}
