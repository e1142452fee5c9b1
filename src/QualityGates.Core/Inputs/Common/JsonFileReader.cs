using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace QualityGates.Inputs.Common;

/// <summary>
/// <see cref="Utf8JsonReader"/> over a file (or bytes) through a buffer that is refilled as it is read,
/// so a pass over a file of any size holds only the buffer, so memory stays bounded on scans of any size. The buffer grows only
/// for a single token, or a value asked for whole with <see cref="TryReadWhole"/>, that does not fit.
/// Reads are positional, so several readers can walk one open file at different places.
/// </summary>
internal sealed class JsonFileReader
{
    /// <summary>What every JSON input accepts: comments skipped, no trailing commas, at most 256 levels.</summary>
    public static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    private readonly ReadAt read;
    private readonly long sourceLength;
    private byte[] buffer;
    private int start;
    private int end;
    private long bufferOffset;
    private long nextRead;
    private bool final;
    private long newlinesBeforeBuffer;
    private JsonReaderState state = new(Options);
    private int tokenPosition;
    private JsonReaderState tokenState;

    private JsonFileReader(ReadAt read, long sourceLength, long offset, int bufferSize)
    {
        this.read = read;
        this.sourceLength = sourceLength;
        buffer = new byte[Math.Max(bufferSize, 4)];
        bufferOffset = offset;
        nextRead = offset;
        if (offset == 0)
        {
            SkipByteOrderMark();
        }
    }

    /// <summary>The token the last <see cref="Read"/> stopped on.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>The depth of <see cref="TokenType"/>; a value where the reader started is at depth 0.</summary>
    public int CurrentDepth { get; private set; }

    /// <summary>Where the current token starts, in bytes from the start of the source.</summary>
    public long TokenStart { get; private set; }

    /// <summary>Reads the file behind <paramref name="handle"/> from <paramref name="offset"/>, where a JSON value starts; <paramref name="counted"/> hears of each read's size.</summary>
    public static JsonFileReader Over(SafeFileHandle handle, long length, long offset, int bufferSize, Action<int>? counted = null) =>
        new((at, into) =>
        {
            var read = RandomAccess.Read(handle, into, at);
            counted?.Invoke(read);
            return read;
        }, length, offset, bufferSize);

    /// <summary>Reads bytes already in memory (a registry line, a test's text) the same way.</summary>
    public static JsonFileReader Over(ReadOnlyMemory<byte> bytes, int bufferSize = 16 * 1024) =>
        new((at, into) => Copy(bytes, at, into), bytes.Length, 0, bufferSize);

    /// <summary>
    /// A reader over the unread part of the buffer, for a caller that walks tokens itself (the check of
    /// every string and key); hand it back with <see cref="Continue"/> when it returns false.
    /// </summary>
    public Utf8JsonReader Window() => new(buffer.AsSpan(start, end - start), final, state);

    /// <summary>Keeps what <paramref name="window"/> consumed and loads more; false when the source is used up.</summary>
    public bool Continue(ref Utf8JsonReader window)
    {
        start += (int)window.BytesConsumed;
        state = window.CurrentState;
        if (final)
        {
            return false;
        }

        Refill(start);
        return true;
    }

    /// <summary>Where <paramref name="indexInWindow"/> (a token index in the current <see cref="Window"/>) is, in bytes from the start of the source.</summary>
    public long OffsetInWindow(long indexInWindow) => bufferOffset + start + indexInWindow;

    /// <summary>The 1-based line of <paramref name="indexInWindow"/> (a token index in the current <see cref="Window"/>).</summary>
    public int LineInWindow(long indexInWindow) => LineOfBufferIndex(start + (int)indexInWindow);

    /// <summary>The 1-based line of the current token, counted from where this reader started.</summary>
    public int TokenLine => LineOfBufferIndex((int)(TokenStart - bufferOffset));

    /// <summary>Moves to the next token, loading more of the source as needed; false at the end.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = Window();
            if (reader.Read())
            {
                tokenPosition = start;
                tokenState = state;
                TokenType = reader.TokenType;
                CurrentDepth = reader.CurrentDepth;
                TokenStart = bufferOffset + start + reader.TokenStartIndex;
                start += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                return true;
            }

            if (!Continue(ref reader))
            {
                return false;
            }
        }
    }

    /// <summary>A reader standing on the current token, to decode it (a key, a string); only right after <see cref="Read"/>.</summary>
    public Utf8JsonReader ReaderAtToken()
    {
        var reader = new Utf8JsonReader(buffer.AsSpan(tokenPosition, end - tokenPosition), final, tokenState);
        reader.Read();
        return reader;
    }

    /// <summary>Moves past the current value (or property and its value) without keeping any of it.</summary>
    public void Skip()
    {
        if (TokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        // One Utf8JsonReader per buffer load rather than per token: skipping is most of what a walk does.
        var depth = CurrentDepth;
        while (true)
        {
            var reader = Window();
            while (reader.Read())
            {
                if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    TokenType = reader.TokenType;
                    TokenStart = bufferOffset + start + reader.TokenStartIndex;
                    start += (int)reader.BytesConsumed;
                    state = reader.CurrentState;
                    return;
                }
            }

            if (!Continue(ref reader))
            {
                throw new JsonException("The JSON ends inside a value.");
            }
        }
    }

    /// <summary>
    /// The value starting at the current token, parsed whole, when it takes at most
    /// <paramref name="limit"/> bytes (a number, string, true, false or null is always parsed);
    /// otherwise null, with the reader still on the value's first token (to <see cref="Skip"/> it).
    /// </summary>
    public JsonElement? TryReadWhole(long limit)
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            var scalar = ReaderAtToken();
            return JsonElement.ParseValue(ref scalar);
        }

        while (true)
        {
            var reader = ReaderAtToken();
            if (JsonElement.TryParseValue(ref reader, out var element))
            {
                start = tokenPosition + (int)reader.BytesConsumed;
                state = reader.CurrentState;
                TokenType = reader.TokenType;
                return element;
            }

            if (final || end - tokenPosition >= limit)
            {
                return null;
            }

            Refill(tokenPosition);
        }
    }

    // Moves the bytes from keepFrom on to the front, grows the buffer when they fill it, and loads more.
    private void Refill(int keepFrom)
    {
        if (keepFrom > 0)
        {
            newlinesBeforeBuffer += buffer.AsSpan(0, keepFrom).Count((byte)'\n');
            buffer.AsSpan(keepFrom, end - keepFrom).CopyTo(buffer);
            bufferOffset += keepFrom;
            end -= keepFrom;
            start -= keepFrom;
            tokenPosition = Math.Max(0, tokenPosition - keepFrom);
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var count = (int)Math.Min(buffer.Length - end, sourceLength - nextRead);
        var loaded = count > 0 ? read(nextRead, buffer.AsSpan(end, count)) : 0;
        nextRead += loaded;
        end += loaded;
        final = loaded == 0 || nextRead >= sourceLength;
    }

    private void SkipByteOrderMark()
    {
        Refill(0);
        if (buffer.AsSpan(0, end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = 3;
        }
    }

    private int LineOfBufferIndex(int index) =>
        (int)(newlinesBeforeBuffer + buffer.AsSpan(0, Math.Clamp(index, 0, end)).Count((byte)'\n') + 1);

    private delegate int ReadAt(long offset, Span<byte> into);

    private static int Copy(ReadOnlyMemory<byte> bytes, long at, Span<byte> into)
    {
        var available = bytes.Span[(int)at..];
        var count = Math.Min(available.Length, into.Length);
        available[..count].CopyTo(into);
        return count;
    }
}
