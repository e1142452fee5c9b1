using System.Globalization;
using System.Xml;

namespace QualityGates.Inputs.Common;

/// <summary>
/// A read-only stream over an XML file that fails as soon as one tag (a start tag with its attributes)
/// grows past a limit. <see cref="XmlReader"/> holds a whole start tag in memory, and no reader setting
/// limits one attribute, so a single 300 MB attribute would otherwise be buffered whole (issue 16).
/// Element text, comments and CDATA are not tags and are not limited here (the readers cap the text
/// they keep). The check is a byte-level state machine that only looks at <c>&lt;</c>, <c>&gt;</c>,
/// quotes and line breaks, so it costs a small fraction of the parse.
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

    private void Scan(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                _line++;
            }

            switch (_state)
            {
                case State.Text when b == (byte)'<':
                    (_state, _tagLength, _quote, _tagLine, _maybeComment, _maybeCData) = (State.Tag, 0, 0, _line, true, true);
                    break;
                case State.Tag:
                    InTag(b);
                    break;
                case State.Comment:
                    _closeMatch = b == (byte)'>' && _closeMatch >= 2 ? 3 : b == (byte)'-' ? Math.Min(_closeMatch + 1, 2) : 0;
                    _state = _closeMatch == 3 ? State.Text : State.Comment;
                    break;
                case State.CData:
                    _closeMatch = b == (byte)'>' && _closeMatch >= 2 ? 3 : b == (byte)']' ? Math.Min(_closeMatch + 1, 2) : 0;
                    _state = _closeMatch == 3 ? State.Text : State.CData;
                    break;
            }
        }
    }

    private void InTag(byte b)
    {
        var index = (int)_tagLength++;
        _maybeComment &= index < CommentOpen.Length && b == CommentOpen[index];
        _maybeCData &= index < CDataOpen.Length && b == CDataOpen[index];
        if ((_maybeComment && index == CommentOpen.Length - 1) || (_maybeCData && index == CDataOpen.Length - 1))
        {
            (_state, _closeMatch) = (_maybeComment ? State.Comment : State.CData, 0);
            return;
        }

        if (_quote == 0 && (b == (byte)'"' || b == (byte)'\''))
        {
            _quote = b;
        }
        else if (b == _quote)
        {
            _quote = 0;
        }
        else if (_quote == 0 && b == (byte)'>')
        {
            _state = State.Text;
            return;
        }

        if (_tagLength > maxTagBytes)
        {
            throw new XmlException(string.Create(CultureInfo.InvariantCulture,
                $"The tag starting on line {_tagLine} is longer than {maxTagBytes / (1024 * 1024)} MiB (an attribute that size is not a test or coverage tool's output); it is not read."),
                null, _tagLine, 1);
        }
    }
}
