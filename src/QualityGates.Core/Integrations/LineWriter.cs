using System.Text;

namespace QualityGates.Integrations;

/// <summary>
/// A <see cref="TextWriter"/> that hands each complete line to a callback, so a caller with no
/// stdout of its own (an MSBuild task logging through <c>TaskLoggingHelper</c>) can receive the
/// workflow and logging commands <see cref="CiReporter"/> writes. Line ends ("\n", "\r\n") are not
/// passed on; a last unterminated line is passed on at <see cref="Flush"/> or dispose.
/// </summary>
internal sealed class LineWriter(Action<string> writeLine) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Emit();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            Emit();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void Emit()
    {
        var length = _line.Length > 0 && _line[^1] == '\r' ? _line.Length - 1 : _line.Length;
        writeLine(_line.ToString(0, length));
        _line.Clear();
    }
}
