using System.Numerics;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// A growable bit array indexed by line number: one bit per line, so a source file of n lines costs
/// n/8 bytes however many reports mention it.
/// </summary>
internal sealed class LineBits
{
    private ulong[] _words = new ulong[1];

    public bool Get(int line)
    {
        var word = line >> 6;
        return word < _words.Length && (_words[word] & (1UL << line)) != 0;
    }

    public void Set(int line)
    {
        var word = line >> 6;
        if (word >= _words.Length)
        {
            Grow(word);
        }

        _words[word] |= 1UL << line;
    }

    /// <summary>Sets every bit that is set in <paramref name="other"/>.</summary>
    public void Or(LineBits other)
    {
        if (other._words.Length > _words.Length)
        {
            Grow(other._words.Length - 1);
        }

        for (var i = 0; i < other._words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    /// <summary>The lines set here and not in <paramref name="other"/>, in ascending order.</summary>
    public IEnumerable<int> Except(LineBits other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i] & ~(i < other._words.Length ? other._words[i] : 0UL);
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return (i << 6) + bit;
                word &= word - 1;
            }
        }
    }

    /// <summary>Clears every bit, keeping the storage.</summary>
    public void Clear() => Array.Clear(_words);

    public long Count()
    {
        long count = 0;
        foreach (var word in _words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    private void Grow(int word)
    {
        // Doubling keeps the number of copies logarithmic in the highest line number.
        var length = Math.Max(word + 1, _words.Length * 2);
        Array.Resize(ref _words, length);
    }
}
