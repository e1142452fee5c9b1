using System.Xml.Linq;
using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>
/// The package's copies of the SDK's test targets (build/QualityGates.MSBuild.VSTest.targets) against
/// every verified version of the SDK's Microsoft.TestPlatform.targets: the same path chosen in every
/// console mode, the same steps, and the test task with every parameter the SDK passes, changed only
/// where the package means to change it.
/// </summary>
public sealed class VSTestCopiesTests
{
    private const string TaskNamespace = "Microsoft.TestPlatform.Build.Tasks.";

    // The package's only changes to the SDK's test task: failures become warnings; its logger list and results folder.
    private static readonly Dictionary<string, string> IntendedTaskChanges = new()
    {
        ["ContinueOnError"] = "WarnAndContinue",
        ["VSTestLogger"] = "$(_QualityGatesVSTestLogger)",
        ["VSTestResultsDirectory"] = "$(_QualityGatesVSTestResultsDirectory)",
    };

    private static readonly XElement Copies = SdkTestTargets.Package("QualityGates.MSBuild.VSTest.targets");

    [Theory]
    [MemberData(nameof(SdkTestTargets.Verified), MemberType = typeof(SdkTestTargets))]
    public void TakesTheSdksPathToTheTestsInEveryConsoleMode(string vstest, string sdk, string targetsVersion)
    {
        var file = XElement.Load(SdkTestTargets.File(vstest));
        var sdkVSTest = SdkTestTargets.Target(file, "VSTest")!;
        var ourVSTest = SdkTestTargets.Target(Copies, "VSTest")!;
        Assert.Equal((string)sdkVSTest.Attribute("DependsOnTargets")! + ";_QualityGatesBeforeTests", (string?)ourVSTest.Attribute("DependsOnTargets"));

        var project = SdkTestTargets.Evaluate(SdkTestTargets.File(vstest), ("NETCoreSdkVersion", sdk));
        Assert.Equal(targetsVersion, project["_QualityGatesVSTestTargetsVersion"]);

        // Terminal logger off/on, dotnet test's MSBuild-output switch, and stdout forced for task processes.
        foreach (var terminalLogger in new[] { "0", "1" })
        {
            foreach (var msbuildOutput in new[] { "False", "True" })
            {
                foreach (var stdout in new[] { "", "1" })
                {
                    (string, string)[] mode = [("_MSBUILDTLENABLED", terminalLogger), ("VsTestUseMSBuildOutput", msbuildOutput), ("MSBUILDENSURESTDOUTFORTASKPROCESSES", stdout)];

                    // Before vstest 17.9 the SDK's VSTest ran the test task itself: the package's _VSTestConsole holds that part.
                    var sdkPath = sdkVSTest.Elements().Any(e => IsTestTask(e.Name.LocalName)) ? ["_VSTestConsole"] : CalledTargets(sdkVSTest, project, mode);
                    var ourPath = CalledTargets(ourVSTest, project, mode);
                    Assert.Equal("_QualityGatesAfterTests", ourPath[^1]);
                    Assert.True(sdkPath.SequenceEqual(ourPath[..^1]),
                        $"vstest {vstest}, TL={terminalLogger}, VsTestUseMSBuildOutput={msbuildOutput}, stdout={stdout}: SDK [{string.Join(", ", sdkPath)}], package [{string.Join(", ", ourPath)}]");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SdkTestTargets.Verified), MemberType = typeof(SdkTestTargets))]
    public void RunsTheTestTaskWithEveryParameterTheSdkPasses(string vstest, string sdk, string targetsVersion)
    {
        var file = XElement.Load(SdkTestTargets.File(vstest));
        var project = SdkTestTargets.Evaluate(SdkTestTargets.File(vstest), ("NETCoreSdkVersion", sdk));
        Assert.Equal(targetsVersion, project["_QualityGatesVSTestTargetsVersion"]);

        // Each SDK target that runs the tests, and the package's copy of it.
        (string Sdk, string Copy)[] pairs = SdkTestTargets.Target(file, "_VSTestConsole") is null
            ? [("VSTest", "_VSTestConsole")]
            : [("_VSTestConsole", "_VSTestConsole"), ("_VSTestMSBuild", "_VSTestMSBuild")];
        foreach (var (sdkName, copyName) in pairs)
        {
            var sdkTarget = SdkTestTargets.Target(file, sdkName)!;
            var copy = SdkTestTargets.Target(Copies, copyName)!;
            if (sdkName == copyName)
            {
                Assert.Equal(Attributes(sdkTarget, "Name"), Attributes(copy, "Name"));
            }

            var expected = sdkTarget.Elements().Select(e => Step(e, intended: true)).ToList();
            var actual = copy.Elements().Where(e => AppliesTo(e, project)).Select(e => Step(e, intended: false)).ToList();
            Assert.Equal(expected, actual);
            Assert.Contains(actual, step => step.StartsWith("VSTestTask", StringComparison.Ordinal));
        }
    }

    /// <summary>The targets a VSTest target's CallTargets call in this project and console mode, in order.</summary>
    private static List<string> CalledTargets(XElement target, Evaluation project, (string, string)[] mode) =>
        target.Elements().Where(e => e.Name.LocalName == "CallTarget" && project.Holds((string?)e.Attribute("Condition") ?? string.Empty, mode))
            .Select(e => (string)e.Attribute("Targets")!).ToList();

    /// <summary>
    /// Whether a step of a copy is there for this version: a step guarded by the targets version (as the
    /// terminal logger's _TestRunStart, new in vstest 17.10) counts only where its guard holds.
    /// </summary>
    private static bool AppliesTo(XElement step, Evaluation project) =>
        (string?)step.Attribute("Condition") is not { } condition || !IsVersionGuard(condition) || project.Holds(condition);

    private static bool IsVersionGuard(string condition) => condition.Contains("_QualityGatesVSTestTargetsVersion", StringComparison.Ordinal);

    /// <summary>
    /// A step as text: its element name (a test task by its short name) and its sorted attributes. For
    /// the SDK's test task, <paramref name="intended"/> applies the package's intended changes; for a
    /// copy's step, a version guard is left out (it only says which versions have the step).
    /// </summary>
    private static string Step(XElement step, bool intended)
    {
        var name = step.Name.LocalName.StartsWith(TaskNamespace, StringComparison.Ordinal) ? step.Name.LocalName[TaskNamespace.Length..] : step.Name.LocalName;
        var attributes = step.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value);
        if (intended && IsTestTask(name))
        {
            foreach (var (attribute, value) in IntendedTaskChanges)
            {
                attributes[attribute] = value;
            }
        }

        if (!intended && attributes.TryGetValue("Condition", out var condition) && IsVersionGuard(condition))
        {
            attributes.Remove("Condition");
        }

        return name + " " + string.Join(" ", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}=\"{a.Value}\""));
    }

    private static string Attributes(XElement target, string except) =>
        string.Join(" ", target.Attributes().Where(a => a.Name.LocalName != except).OrderBy(a => a.Name.LocalName, StringComparer.Ordinal).Select(a => $"{a.Name.LocalName}=\"{a.Value}\""));

    private static bool IsTestTask(string name) => name is "VSTestTask" or "VSTestTask2" or TaskNamespace + "VSTestTask";
}
