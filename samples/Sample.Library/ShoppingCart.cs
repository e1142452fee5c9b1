namespace Sample.Library;

/// <summary>A small shopping cart: the code the sample's tests cover.</summary>
public sealed class ShoppingCart
{
    private readonly Dictionary<string, (decimal Price, int Quantity)> _lines = new(StringComparer.Ordinal);

    public int ItemCount => _lines.Values.Sum(l => l.Quantity);

    public void Add(string product, decimal price, int quantity = 1)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), "Add at least one item.");
        }

        var current = _lines.TryGetValue(product, out var line) ? line.Quantity : 0;
        _lines[product] = (price, current + quantity);
    }

    public bool Remove(string product) => _lines.Remove(product);

    /// <summary>The total after a percentage discount (10 = 10 %), rounded to cents.</summary>
    public decimal Total(decimal discountPercent = 0)
    {
        if (discountPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(discountPercent), "A discount is between 0 and 100 percent.");
        }

        var gross = _lines.Values.Sum(l => l.Price * l.Quantity);
        return Math.Round(gross * (100 - discountPercent) / 100, 2, MidpointRounding.AwayFromZero);
    }
}
