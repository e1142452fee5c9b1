using QualityGates.Running;
using QualityGates.Waivers;

namespace QualityGates.Tests.Support;

/// <summary>A waivers file with one gate waiver, active on the test clock it sets: for the waiver tests of each gate family.</summary>
internal static class GateWaiverFile
{
    /// <summary><paramref name="request"/> with a waivers file in <paramref name="dir"/> that waives <paramref name="gate"/> until 2026-12-31, judged on 2026-11-30.</summary>
    public static GateRunRequest Waiving(this GateRunRequest request, TempDirectory dir, string gate) => request with
    {
        WaiversFile = dir.Write("gate-waiver.json",
            $$"""{ "waivers": [ { "gate": "{{gate}}", "owner": "qa@example.com", "reason": "known gap", "expires": "2026-12-31" } ] }"""),
        Environment = name => name == WaiverSet.TodayVariable ? "2026-11-30" : request.Environment(name),
    };
}
