using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Trx;

public sealed class TrxCoverageAttachmentsTests
{
    [Fact]
    public void ResolvesTheCollectorsCoberturaUnderTheRunsDeploymentFolder()
    {
        var trx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");

        var attachments = TrxCoverageAttachments.Find(trx);

        var expected = Path.Combine(Path.GetDirectoryName(trx)!, "_vm_2026-11-26_07_49_50", "In", "vm", "coverage.cobertura.xml");
        Assert.Equal([expected], attachments);
    }

    [Fact]
    public void FindsNothingInAnAbortedRun()
    {
        Assert.Empty(TrxCoverageAttachments.Find(Fixtures.Path("trx", "newtonsoft-json-aborted-testhost-crash.trx")));
    }
}
