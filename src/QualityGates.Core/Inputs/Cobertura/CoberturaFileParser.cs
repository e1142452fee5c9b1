using System.Xml;
using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// One streaming pass over one Cobertura file. Only the <c>&lt;line&gt;</c> elements directly under a
/// class's own <c>&lt;lines&gt;</c> count: coverlet repeats every line under <c>methods/method/lines</c>,
/// and Microsoft Code Coverage's method lines do not add up to its totals. Root and package rates are
/// never read (they are rounded, or NaN, or missing).
/// </summary>
internal sealed class CoberturaFileParser
{
    private readonly string _path;
    private readonly XmlReader _reader;
    private readonly CoberturaReport _report = new();
    private readonly Dictionary<string, string> _resolvedPaths = new(StringComparer.Ordinal);

    // Names atomised in the reader's name table, compared by reference in the hot loop.
    private readonly string _coverageName;
    private readonly string _sourceName;
    private readonly string _packageName;
    private readonly string _className;
    private readonly string _linesName;
    private readonly string _methodsName;
    private readonly string _lineName;
    private readonly string _nameAttribute;
    private readonly string _filenameAttribute;
    private readonly string _numberAttribute;
    private readonly string _hitsAttribute;
    private readonly string _conditionCoverageAttribute;
    private readonly bool _canReadValueChunk;

    private char[] _valueBuffer = new char[64];
    private readonly List<string> _sources = new();
    private Dictionary<string, LineTally>? _packageFiles;

    private CoberturaFileParser(string path, XmlReader reader)
    {
        _path = path;
        _reader = reader;
        var names = reader.NameTable;
        _coverageName = names.Add("coverage");
        _sourceName = names.Add("source");
        _packageName = names.Add("package");
        _className = names.Add("class");
        _linesName = names.Add("lines");
        _methodsName = names.Add("methods");
        _lineName = names.Add("line");
        _nameAttribute = names.Add("name");
        _filenameAttribute = names.Add("filename");
        _numberAttribute = names.Add("number");
        _hitsAttribute = names.Add("hits");
        _conditionCoverageAttribute = names.Add("condition-coverage");
        _canReadValueChunk = reader.CanReadValueChunk;
    }

    /// <summary>Reads <paramref name="path"/>, or throws a coded <see cref="QualityGatesException"/>.</summary>
    public static CoberturaReport Parse(string path)
    {
        using var stream = InputFile.OpenRead(path);
        using var reader = XmlInput.CreateReader(stream);
        try
        {
            return new CoberturaFileParser(path, reader).Run();
        }
        catch (XmlException ex)
        {
            throw XmlInput.Malformed(path, ex);
        }
        catch (IOException ex)
        {
            throw new QualityGatesException(ErrorCodes.InputFileUnreadable, $"Input file '{path}' cannot be read: {ex.Message}", path, inner: ex);
        }
    }

    private CoberturaReport Run()
    {
        ExpectCoverageRoot();

        LineTally? tally = null;
        var classDepth = -1;
        var linesDepth = -1;
        var more = _reader.Read();
        while (more)
        {
            if (_reader.NodeType != XmlNodeType.Element)
            {
                more = _reader.Read();
                continue;
            }

            var name = _reader.LocalName;
            var depth = _reader.Depth;
            if (depth <= linesDepth)
            {
                linesDepth = -1;
            }

            if ((object)name == _lineName)
            {
                if (linesDepth >= 0 && depth == linesDepth + 1)
                {
                    ReadLine(tally!);
                }
            }
            else if ((object)name == _linesName)
            {
                if (tally is not null && depth == classDepth + 1 && !_reader.IsEmptyElement)
                {
                    linesDepth = depth;
                }
            }
            else if ((object)name == _methodsName)
            {
                // Method-level lines never count; skipping the subtree spares the loop a look at each.
                _reader.Skip();
                more = !_reader.EOF;
                continue;
            }
            else if ((object)name == _className)
            {
                tally = TallyFor(RequiredAttribute(_filenameAttribute, "class"));
                tally.BeginClass();
                classDepth = depth;
            }
            else if ((object)name == _packageName)
            {
                _packageFiles = _report.FilesOf(_reader.GetAttribute(_nameAttribute) ?? string.Empty);
                tally = null;
                classDepth = -1;
            }
            else if ((object)name == _sourceName && !_reader.IsEmptyElement)
            {
                // Every root is kept (coverlet writes one per drive); the reader is left on the node after </source>.
                var text = _reader.ReadElementContentAsString().Trim();
                if (text.Length > 0)
                {
                    _sources.Add(text);
                }

                continue;
            }

            more = _reader.Read();
        }

        return _report;
    }

    private void ExpectCoverageRoot()
    {
        while (_reader.Read())
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                if ((object)_reader.LocalName != _coverageName)
                {
                    throw new QualityGatesException(ErrorCodes.WrongFileKind,
                        $"'{_path}' is not a Cobertura coverage file: its root element is <{_reader.Name}>, expected <coverage>.",
                        _path, XmlInput.LineOf(_reader));
                }

                return;
            }
        }

        // XmlReader reports a missing root itself; this is only reached for a reader that does not.
        throw new QualityGatesException(ErrorCodes.WrongFileKind, $"'{_path}' has no root element.", _path);
    }

    private LineTally TallyFor(string filename)
    {
        if (!_resolvedPaths.TryGetValue(filename, out var sourcePath))
        {
            sourcePath = SourcePath.Resolve(_sources, filename);
            _resolvedPaths.Add(filename, sourcePath);
        }

        // A class outside any <package> counts under the unnamed package.
        var files = _packageFiles ??= _report.FilesOf(string.Empty);
        if (!files.TryGetValue(sourcePath, out var tally))
        {
            tally = new LineTally();
            files.Add(sourcePath, tally);
        }

        return tally;
    }

    private void ReadLine(LineTally tally)
    {
        var number = -1;
        var hitsSeen = false;
        var covered = false;
        var branchesCovered = 0;
        var branchesValid = 0;
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                var name = _reader.LocalName;
                if ((object)name == _numberAttribute)
                {
                    var text = AttributeValue();
                    if (!CoberturaNumbers.TryParseLineNumber(text, out number))
                    {
                        throw OutOfRange($"a <line> has number=\"{text.ToString()}\"; a line number must be a whole number from 0 to {int.MaxValue}.");
                    }
                }
                else if ((object)name == _hitsAttribute)
                {
                    var text = AttributeValue();
                    if (!CoberturaNumbers.TryParseHits(text, out covered))
                    {
                        throw OutOfRange($"a <line> has hits=\"{text.ToString()}\"; hits must be a whole number of at least 0.");
                    }

                    hitsSeen = true;
                }
                else if ((object)name == _conditionCoverageAttribute)
                {
                    var text = AttributeValue();
                    if (!CoberturaNumbers.TryParseConditionCoverage(text, out branchesCovered, out branchesValid))
                    {
                        throw OutOfRange($"a <line> has condition-coverage=\"{text.ToString()}\"; expected a form like \"50% (1/2)\" with covered at most valid.");
                    }
                }
            }
            while (_reader.MoveToNextAttribute());
        }

        if (number < 0 || !hitsSeen)
        {
            throw OutOfRange($"a <line> lacks its {(number < 0 ? "number" : "hits")} attribute.");
        }

        tally.Record(number, covered, branchesCovered, branchesValid);
    }

    /// <summary>The current attribute's value, copied into a reused buffer rather than a new string.</summary>
    private ReadOnlySpan<char> AttributeValue()
    {
        if (!_canReadValueChunk)
        {
            return _reader.Value.AsSpan();
        }

        // XmlTextReader holds attribute values whole and copies all that fits, so a read that leaves
        // room is the whole value. One char of slack: a read can stop short before a surrogate pair.
        var length = 0;
        while (true)
        {
            var space = _valueBuffer.Length - length;
            var read = _reader.ReadValueChunk(_valueBuffer, length, space);
            length += read;
            if (read < space - 1)
            {
                return _valueBuffer.AsSpan(0, length);
            }

            Array.Resize(ref _valueBuffer, _valueBuffer.Length * 2);
        }
    }

    private string RequiredAttribute(string name, string element)
    {
        var value = _reader.GetAttribute(name);
        if (string.IsNullOrEmpty(value))
        {
            throw OutOfRange($"a <{element}> lacks its {name} attribute.");
        }

        return value;
    }

    private QualityGatesException OutOfRange(string detail)
    {
        var line = XmlInput.LineOf(_reader);
        return new QualityGatesException(ErrorCodes.InputValueOutOfRange, $"'{_path}' line {line}: {detail}", _path, line);
    }
}
