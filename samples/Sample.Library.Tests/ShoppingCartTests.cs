using Sample.Library;

namespace Sample.Library.Tests;

public class ShoppingCartTests
{
    [Fact]
    public void CountsItemsAcrossLines()
    {
        var cart = new ShoppingCart();
        cart.Add("apple", 0.50m, 3);
        cart.Add("pear", 0.80m);
        cart.Add("apple", 0.50m);

        Assert.Equal(5, cart.ItemCount);
    }

    [Theory]
    [InlineData(0, 2.80)]
    [InlineData(10, 2.52)]
    [InlineData(100, 0)]
    public void AppliesTheDiscountToTheTotal(decimal discount, decimal expected)
    {
        var cart = new ShoppingCart();
        cart.Add("apple", 0.50m, 4);
        cart.Add("pear", 0.80m);

        Assert.Equal(expected, cart.Total(discount));
    }

    [Fact]
    public void RemovesALine()
    {
        var cart = new ShoppingCart();
        cart.Add("apple", 0.50m);

        Assert.True(cart.Remove("apple"));
        Assert.False(cart.Remove("apple"));
        Assert.Equal(0, cart.ItemCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RefusesANonPositiveQuantity(int quantity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShoppingCart().Add("apple", 0.50m, quantity));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(101)]
    public void RefusesADiscountOutsideZeroToHundred(decimal discount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShoppingCart().Total(discount));
    }
}
