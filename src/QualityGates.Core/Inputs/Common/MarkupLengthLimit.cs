using System.Globalization;
using System.Xml;

namespace QualityGates.Inputs.Common;

/// <summary>
/// A read-only stream over an XML file that fails as soon as one tag (a start tag with its attributes)
/// grows past a limit. <see cref="XmlReader"/> holds a whole start tag in memory, and no reader setting
/// limits one attribute, so a single 300 MB attribute would otherwise be buffered whole: a hostile input must not exhaust memory.
/// Element text, comments and CDATA are not tags and are not limited here (the readers cap the text
/// they keep). The check only looks at <c>&lt;</c>, <c>&gt;</c>, quotes and line breaks (attribute
/// values cannot hold <c>&lt;</c>, but may hold <c>&gt;</c>, hence the quotes).
/// </summary>
internal sealed class MarkupLengthLimit(Stream inner, long maxTagBytes = MarkupLengthLimit.DefaultMaxTagBytes) : Stream
{
    /// <summary>16 MiB: far above any tag a test or coverage tool writes.</summary>
    public const long DefaultMaxTagBytes = 16L * 1024 * 1024;

    private static ReadOnlySpan<byte> CommentOpen => "!--"u8;
    private static ReadOnlySpan<byte> CDataOpen => "![CDATA["u8;

    private State _state = State.Text;
    private long _tagLength;
    private byte _quote;
    private int _closeMatch; // how much of "-->" or "]]>" has been seen
    private int _line = 1;
    private int _tagLine;
    private bool _maybeComment;
    private bool _maybeCData;

    private enum State
    {
        Text,
        Tag,
        Comment,
        CData,
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Scan(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Searches with vectorised IndexOf/IndexOfAny/Count rather than stepping byte by byte: most of a
    // file is element text or attribute values, which are skipped in large strides.
    private void Scan(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = _state switch
            {
                State.Text => InText(bytes),
                State.Tag => InTag(bytes),
                _ => InCommentOrCData(bytes),
            };
        }
    }

    private ReadOnlySpan<byte> InText(ReadOnlySpan<byte> bytes)
    {
        var open = bytes.IndexOf((byte)'<');
        var text = open < 0 ? bytes : bytes[..open];
        _line += text.Count((byte)'\n');
        if (open < 0)
        {
            return [];
        }

        (_state, _tagLength, _quote, _tagLine, _maybeComment, _maybeCData) = (State.Tag, 0, 0, _line, true, true);
        return bytes[(open + 1)..];
    }

    private ReadOnlySpan<byte> InTag(ReadOnlySpan<byte> bytes)
    {
        if (_maybeComment || _maybeCData)
        {
            // The first bytes tell "<!--" and "<![CDATA[" from a tag.
            var b = bytes[0];
            var index = (int)_tagLength;
            _maybeComment &= index < CommentOpen.Length && b == CommentOpen[index];
            _maybeCData &= index < CDataOpen.Length && b == CDataOpen[index];
            if ((_maybeComment && index == CommentOpen.Length - 1) || (_maybeCData && index == CDataOpen.Length - 1))
            {
                (_state, _closeMatch) = (_maybeComment ? State.Comment : State.CData, 0);
                return bytes[1..];
            }

            if (_maybeComment || _maybeCData)
            {
                _tagLength++;
                return bytes[1..];
            }
        }

        // Tags are short and quote-dense: a tight loop over locals beats a search call per quote.
        var quote = _quote;
        var lines = 0;
        var i = 0;
        var ended = false;
        for (; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == (byte)'\n')
            {
                lines++;
            }
            else if (quote != 0)
            {
                if (b == quote)
                {
                    quote = 0;
                }
            }
            else if (b == (byte)'>')
            {
                ended = true;
                i++;
                break;
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
        }

        _line += lines;
        _quote = quote;
        _tagLength += i;
        if (_tagLength > maxTagBytes)
        {
            throw new XmlException(string.Create(CultureInfo.InvariantCulture,
                $"The tag starting on line {_tagLine} is longer than {maxTagBytes / (1024 * 1024)} MiB (an attribute that size is not a test or coverage tool's output); it is not read."),
                null, _tagLine, 1);
        }

        if (ended)
        {
            _state = State.Text;
        }

        return bytes[i..];
    }

    // A comment ends at "-->", a CDATA section at "]]>"; the two bytes before a '>' may lie in the previous read.
    private ReadOnlySpan<byte> InCommentOrCData(ReadOnlySpan<byte> bytes)
    {
        var closer = _state == State.Comment ? (byte)'-' : (byte)']';
        var end = bytes.IndexOf((byte)'>');
        var run = end < 0 ? bytes : bytes[..end];
        _line += run.Count((byte)'\n');
        var trailing = run.Length - run.TrimEnd(closer).Length;
        var before = trailing == run.Length ? Math.Min(_closeMatch + trailing, 2) : Math.Min(trailing, 2);
        if (end < 0)
        {
            _closeMatch = before;
            return [];
        }

        if (before >= 2)
        {
            _state = State.Text;
        }

        _closeMatch = 0;
        return bytes[(end + 1)..];
    }
}
