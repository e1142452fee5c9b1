using System.Xml;
using System.Xml.Schema;

namespace QualityGates.Tests.Reports;

/// <summary>Validates XML against the Jenkins JUnit schema in the shared fixtures (never resolving anything external).</summary>
public static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> Jenkins = new(() => Load(Fixtures.Path("schemas", "jenkins-junit.xsd")));

    /// <summary>Every validation error and warning; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Jenkins.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet Load(string path)
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
