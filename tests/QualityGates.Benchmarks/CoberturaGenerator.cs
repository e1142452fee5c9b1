using System.Globalization;
using System.Xml;

namespace QualityGates.Benchmarks;

/// <summary>
/// Writes a large coverlet-shaped Cobertura file: every line under its method and again under the
/// class, branch lines with <c>condition-coverage</c> and <c>conditions</c>, two-space indentation.
/// </summary>
internal static class CoberturaGenerator
{
    /// <param name="hitSeed">When set, the same code with other hits (see <see cref="CoverletShapedPlan"/>).</param>
    public static void Write(string path, int lines, int? hitSeed = null)
    {
        var plan = new CoverletShapedPlan(lines, hitSeed: hitSeed);
        long linesCovered = 0, linesValid = 0, branchesCovered = 0, branchesValid = 0;
        foreach (var line in plan.Classes().SelectMany(c => c.Methods).SelectMany(m => m))
        {
            linesValid++;
            linesCovered += line.Hits > 0 ? 1 : 0;
            branchesCovered += line.BranchesCovered;
            branchesValid += line.BranchesValid;
        }

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new System.Text.UTF8Encoding(false) };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("coverage");
        writer.WriteAttributeString("line-rate", Rate(linesCovered, linesValid));
        writer.WriteAttributeString("branch-rate", Rate(branchesCovered, branchesValid));
        writer.WriteAttributeString("version", "1.9");
        writer.WriteAttributeString("timestamp", "1795679083");
        writer.WriteAttributeString("lines-covered", Invariant(linesCovered));
        writer.WriteAttributeString("lines-valid", Invariant(linesValid));
        writer.WriteAttributeString("branches-covered", Invariant(branchesCovered));
        writer.WriteAttributeString("branches-valid", Invariant(branchesValid));
        writer.WriteStartElement("sources");
        writer.WriteElementString("source", "/home/runner/work/Big/src/Big/");
        writer.WriteEndElement();
        writer.WriteStartElement("packages");

        string? openPackage = null;
        foreach (var generated in plan.Classes().OrderBy(c => c.Package, StringComparer.Ordinal))
        {
            if (generated.Package != openPackage)
            {
                if (openPackage is not null)
                {
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("package");
                writer.WriteAttributeString("name", generated.Package);
                writer.WriteAttributeString("line-rate", "0.5");
                writer.WriteAttributeString("branch-rate", "0.5");
                writer.WriteAttributeString("complexity", "1");
                writer.WriteStartElement("classes");
                openPackage = generated.Package;
            }

            WriteClass(writer, generated);
        }

        if (openPackage is not null)
        {
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteClass(XmlWriter writer, GeneratedClass generated)
    {
        writer.WriteStartElement("class");
        writer.WriteAttributeString("name", generated.Name);
        writer.WriteAttributeString("filename", generated.FileName);
        writer.WriteAttributeString("line-rate", "0.5");
        writer.WriteAttributeString("branch-rate", "0.5");
        writer.WriteAttributeString("complexity", "1");
        writer.WriteStartElement("methods");
        var index = 0;
        foreach (var method in generated.Methods)
        {
            writer.WriteStartElement("method");
            writer.WriteAttributeString("name", $"Method{index++}");
            writer.WriteAttributeString("signature", "(System.String)");
            writer.WriteAttributeString("line-rate", "0.5");
            writer.WriteAttributeString("branch-rate", "0.5");
            writer.WriteAttributeString("complexity", "1");
            WriteLines(writer, method);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        WriteLines(writer, generated.Methods.SelectMany(m => m));
        writer.WriteEndElement();
    }

    private static void WriteLines(XmlWriter writer, IEnumerable<GeneratedLine> lines)
    {
        writer.WriteStartElement("lines");
        foreach (var line in lines)
        {
            writer.WriteStartElement("line");
            writer.WriteAttributeString("number", Invariant(line.Number));
            writer.WriteAttributeString("hits", Invariant(line.Hits));
            writer.WriteAttributeString("branch", line.BranchesValid > 0 ? "True" : "False");
            if (line.BranchesValid > 0)
            {
                var percent = line.BranchesCovered * 100 / line.BranchesValid;
                writer.WriteAttributeString("condition-coverage", $"{Invariant(percent)}% ({Invariant(line.BranchesCovered)}/{Invariant(line.BranchesValid)})");
                writer.WriteStartElement("conditions");
                writer.WriteStartElement("condition");
                writer.WriteAttributeString("number", Invariant(line.Number * 7));
                writer.WriteAttributeString("type", line.BranchesValid > 2 ? "switch" : "jump");
                writer.WriteAttributeString("coverage", $"{Invariant(percent)}%");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static string Rate(long covered, long valid) => valid == 0 ? "1" : Invariant((double)covered / valid);

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
