
namespace QualityGates.MSBuild.Tests.Support;

/// <summary>The real fixture files the task tests gate, with their true figures (fixtures/MANIFEST.md).</summary>
public static class GateFixtures
{
    /// <summary>A TRX whose tests all passed (pass rate 1).</summary>
    public static readonly string PassingTrx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");

    /// <summary>Cobertura with 2518 of 3359 lines covered (75.0 %): above development's 60 %, below production's 90 %.</summary>
    public static readonly string Coverage = Fixtures.Path("cobertura", "coverlet-collector", "stateless-net8.0.coverage.cobertura.xml");

    /// <summary>Sets up <paramref name="run"/> to pass (development: 100 % tests, 75.0 % coverage against 60 %).</summary>
    public static TaskRun Passing(this TaskRun run)
    {
        run.Set("Context", "development");
        run.Set("TestResultFiles", [PassingTrx]);
        run.Set("CoverageFiles", [Coverage]);
        return run;
    }

    /// <summary>
    /// Sets up <paramref name="run"/> to be blocked by one check: tests.any_failure (QualityGatesFailOnAnyTestFailure;
    /// 3 of 962 tests failed, QG2012), while the pass rate meets development's minimum.
    /// </summary>
    public static TaskRun BlockedByAnyTestFailure(this TaskRun run)
    {
        run.Set("Context", "development");
        run.Set("Checks", ["Tests"]);
        run.Set("FailOnAnyTestFailure", "true");
        run.Set("TestResultFiles", [Fixtures.Path("trx", "guardclauses-xunit-failskip.trx")]);
        return run;
    }

    /// <summary>Sets up <paramref name="run"/> to be blocked by one check: coverage.line (75.0 % against production's 90 %, QG2002).</summary>
    public static TaskRun BlockedByCoverage(this TaskRun run)
    {
        run.Set("Context", "production");
        run.Set("TestResultFiles", [PassingTrx]);
        run.Set("CoverageFiles", [Coverage]);
        return run;
    }
}
