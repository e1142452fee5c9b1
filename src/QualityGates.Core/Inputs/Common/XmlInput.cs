using System.Xml;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>
/// Safe, streaming XML reading for every XML reader. A DOCTYPE that only names an external DTD
/// (gcovr and simplecov Cobertura files carry one) is skipped and never fetched; entity declarations
/// and external entities are refused with <see cref="ErrorCodes.XmlDtdNotAllowed"/>. A tag longer than
/// 16 MiB (one huge attribute) is refused as malformed (<see cref="MarkupLengthLimit"/>) instead of being buffered whole.
/// </summary>
internal static class XmlInput
{
    /// <summary>Creates a forward-only reader over <paramref name="stream"/> that resolves nothing.</summary>
    public static XmlReader CreateReader(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        // CloseInput is false: the caller owns the file stream, and the limit wrapper's Dispose is not called.
        return XmlReader.Create(new MarkupLengthLimit(stream), settings);
    }

    /// <summary>Turns an <see cref="XmlException"/> into a coded error naming the file and line.</summary>
    public static QualityGatesException Malformed(string path, XmlException ex)
    {
        // With DtdProcessing.Ignore an entity reference the DTD would have declared surfaces as an
        // undeclared entity; say what it is rather than "malformed".
        if (ex.Message.Contains("entity", StringComparison.OrdinalIgnoreCase))
        {
            return new QualityGatesException(ErrorCodes.XmlDtdNotAllowed,
                $"'{path}' uses a DTD entity, which is never resolved: {ex.Message}", path, ex.LineNumber, ex.LinePosition, ex);
        }

        return new QualityGatesException(ErrorCodes.MalformedXml,
            $"'{path}' is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", path, ex.LineNumber, ex.LinePosition, ex);
    }

    /// <summary>The current line of <paramref name="reader"/>, or 0 when it does not track lines.</summary>
    public static int LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
