using System.Globalization;
using System.Text;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>Builds small Cobertura documents for tests, one class per call.</summary>
internal sealed class CoberturaXml
{
    private readonly StringBuilder _packages = new();
    private readonly string? _source;
    private string? _openPackage;

    public CoberturaXml(string? source = null) => _source = source;

    /// <summary>Adds a class; <paramref name="lines"/> are class-level <c>line</c> elements' attributes, e.g. <c>number="3" hits="1"</c>.</summary>
    public CoberturaXml Class(string filename, params string[] lines) => Class("P", filename, methodLines: null, lines);

    public CoberturaXml Class(string package, string filename, string[]? methodLines, params string[] lines)
    {
        if (_openPackage != package)
        {
            ClosePackage();
            _packages.Append(CultureInfo.InvariantCulture, $"    <package name=\"{package}\">\n      <classes>\n");
            _openPackage = package;
        }

        _packages.Append(CultureInfo.InvariantCulture, $"        <class name=\"C\" filename=\"{filename}\">\n          <methods>\n");
        if (methodLines is not null)
        {
            _packages.Append("            <method name=\"M\" signature=\"()\">\n              <lines>\n");
            foreach (var line in methodLines)
            {
                _packages.Append(CultureInfo.InvariantCulture, $"                <line {line} />\n");
            }

            _packages.Append("              </lines>\n            </method>\n");
        }

        _packages.Append("          </methods>\n          <lines>\n");
        foreach (var line in lines)
        {
            _packages.Append(CultureInfo.InvariantCulture, $"            <line {line} />\n");
        }

        _packages.Append("          </lines>\n        </class>\n");
        return this;
    }

    public override string ToString()
    {
        ClosePackage();
        var sources = _source is null ? string.Empty : $"  <sources>\n    <source>{_source}</source>\n  </sources>\n";
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<coverage line-rate=\"0\" branch-rate=\"0\" version=\"1.9\">\n{sources}  <packages>\n{_packages}  </packages>\n</coverage>\n";
    }

    private void ClosePackage()
    {
        if (_openPackage is not null)
        {
            _packages.Append("      </classes>\n    </package>\n");
            _openPackage = null;
        }
    }
}
