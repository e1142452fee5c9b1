using System.Text;
using System.Xml;
using QualityGates.Errors;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.Common;
using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Common;

/// <summary>Bounded memory: one huge attribute is refused, not buffered whole; text, comments and CDATA are not tags.</summary>
public sealed class MarkupLengthLimitTests : IDisposable
{
    private const long Limit = 1024;

    private readonly TempDirectory _dir = new();

    [Fact]
    public void AHugeAttributeInATrxIsACodedErrorWithItsLine()
    {
        var path = _dir.Write("huge.trx", "<?xml version=\"1.0\"?>\n<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"\n  name=\"" + new string('x', 17 * 1024 * 1024) + "\"></TestRun>");

        var error = Assert.Throws<QualityGatesException>(() => new TrxReader().ReadAll([path]));

        Assert.Equal((ErrorCodes.MalformedXml, 2), (error.Code, error.Line));
        Assert.Contains("longer than 16 MiB", error.Message);
    }

    [Fact]
    public void AHugeAttributeInACoberturaFileIsACodedError()
    {
        var path = _dir.Write("huge.xml", "<coverage line-rate=\"" + new string('1', 17 * 1024 * 1024) + "\"/>");

        Assert.Equal(ErrorCodes.MalformedXml, Assert.Throws<QualityGatesException>(() => new CoberturaReader().ReadAll([path])).Code);
    }

    [Theory]
    [InlineData("<a b='1'>text > and \" quotes</a>")]
    [InlineData("<a><!-- a comment <with> \"quotes' and --- dashes --><b/></a>")]
    [InlineData("<a><![CDATA[ <not a tag \" ' ]] > ]]><b/></a>")]
    [InlineData("<a b=\"x > y\" c='\"'/>")]
    public void ShortTagsCommentsAndCDataPass(string xml)
    {
        Assert.Equal(xml.Length, ReadAll(xml + new string(' ', 10), Limit) - 10);
    }

    [Fact]
    public void LongTextCommentsAndCDataAreNotTags()
    {
        var big = new string('x', 4 * (int)Limit);
        var xml = $"<a>{big}<!--{big}--><![CDATA[{big}]]><b c='1'/></a>";

        Assert.Equal(xml.Length, ReadAll(xml, Limit));
    }

    [Fact]
    public void ATagPastTheLimitFailsEvenWhenItsQuoteHoldsAClosingBracket()
    {
        var xml = "<a>\n<b c=\"" + new string('>', 2 * (int)Limit) + "\"/></a>";

        var error = Assert.Throws<XmlException>(() => ReadAll(xml, Limit));

        Assert.Equal(2, error.LineNumber);
    }

    public void Dispose() => _dir.Dispose();

    private static int ReadAll(string xml, long limit)
    {
        using var stream = new MarkupLengthLimit(new MemoryStream(Encoding.UTF8.GetBytes(xml)), limit);
        var total = 0;
        var buffer = new byte[7]; // small reads: states must carry across buffer boundaries
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }
}
