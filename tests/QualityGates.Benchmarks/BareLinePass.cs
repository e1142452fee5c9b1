using System.Xml;
using QualityGates.Inputs.Common;

namespace QualityGates.Benchmarks;

/// <summary>
/// The floor for any Cobertura reader: the same file opening and XmlReader settings as the real
/// reader, doing nothing but counting <c>&lt;line&gt;</c> elements.
/// </summary>
internal static class BareLinePass
{
    public static long CountLines(string path)
    {
        using var stream = InputFile.OpenRead(path);
        using var reader = XmlInput.CreateReader(stream);
        var line = reader.NameTable.Add("line");
        long count = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && (object)reader.LocalName == line)
            {
                count++;
            }
        }

        return count;
    }
}
