namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>Every scenario shares one packed feed and runs one after the other (2 cores: dotnet builds are heavy).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package";
}
