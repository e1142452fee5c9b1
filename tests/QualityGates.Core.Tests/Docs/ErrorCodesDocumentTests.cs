using System.Reflection;
using System.Text.RegularExpressions;
using QualityGates.Errors;

namespace QualityGates.Tests.Docs;

/// <summary>docs/errors.md has one row for every code of <see cref="ErrorCodes"/>, and no row for a code the product does not have.</summary>
public sealed partial class ErrorCodesDocumentTests
{
    private static readonly string[] Severities = ["error", "warning", "error or warning"];

    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "errors.md"));

    private static IReadOnlyList<string> AllCodes { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static TheoryData<string> Codes() => new(AllCodes);

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryErrorCodeHasOneRow(string code)
    {
        Assert.Single(Row().Matches(Document), m => m.Groups[1].Value == code);
    }

    [Fact]
    public void EveryRowIsACodeOfTheCatalog()
    {
        var rows = Row().Matches(Document).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(rows);
        Assert.Empty(rows.Except(AllCodes));
    }

    [Fact]
    public void EveryRowSaysItsSeverityAndWhatToDo()
    {
        foreach (Match row in Row().Matches(Document))
        {
            var cells = row.Value.Split(" | ");
            Assert.True(cells.Length >= 4, $"{row.Groups[1].Value}: expected code, severity, meaning and what to do");
            Assert.Contains(cells[1], Severities);
            Assert.False(string.IsNullOrWhiteSpace(cells[^1].TrimEnd('|')), $"{row.Groups[1].Value} says nothing about what to do");
        }
    }

    [Fact]
    public void CodesAreUnique()
    {
        Assert.Equal(AllCodes.Count, AllCodes.Distinct().Count());
    }

    [GeneratedRegex(@"^\| (QG\d{4}) \|.*$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
