namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Parses the numbers of a <c>&lt;line&gt;</c> straight from the attribute's characters, so that reading
/// a million lines allocates no strings.
/// </summary>
internal static class CoberturaNumbers
{
    /// <summary>A whole number ≥ 0 that fits an int (line numbers).</summary>
    public static bool TryParseLineNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        long result = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            result = (result * 10) + (c - '0');
            if (result > int.MaxValue)
            {
                return false;
            }
        }

        value = (int)result;
        return true;
    }

    /// <summary>
    /// A whole number ≥ 0 of any size (gcovr counts can pass 2^31); only whether it is above zero matters.
    /// </summary>
    public static bool TryParseHits(ReadOnlySpan<char> text, out bool aboveZero)
    {
        aboveZero = false;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            aboveZero |= c != '0';
        }

        return true;
    }

    /// <summary>
    /// Reads the counts of <c>condition-coverage="50% (1/2)"</c>: the part in parentheses is exact, the
    /// percentage is rounded by the producer and ignored.
    /// </summary>
    public static bool TryParseConditionCoverage(ReadOnlySpan<char> text, out int covered, out int valid)
    {
        covered = 0;
        valid = 0;
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return false;
        }

        var inner = text[(open + 1)..close];
        var slash = inner.IndexOf('/');
        return slash >= 0
            && TryParseLineNumber(inner[..slash], out covered)
            && TryParseLineNumber(inner[(slash + 1)..], out valid)
            && covered <= valid;
    }
}
